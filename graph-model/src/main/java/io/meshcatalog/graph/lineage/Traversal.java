package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A bounded breadth-first walk along {@code FEEDS}: inside the server in one round trip where it has
 * {@code meshcatalog.walk}, otherwise one Cypher round trip per level. Each node is visited once (so
 * cycles and diamonds terminate) at its smallest degree, with a parent pointer that gives one shortest
 * path. Starts may carry different degrees: they join the walk at their level.
 */
final class Traversal {

    /** A node where the walk starts, already at {@code degree}, reached through {@code parent}. */
    record Start(
            String element,
            NodeKind kind,
            String id,
            int degree,
            @Nullable Step parent) {}

    /**
     * A node reached by the walk. {@code element} tells it from others of the same walk: its element id
     * in a walk by levels, its place in the answer ({@code #12}) in a walk on the server. {@code retired}: its
     * product retired or dropped it.
     */
    record Step(
            String element,
            NodeKind kind,
            String id,
            String name,
            String domain,
            boolean external,
            String dataset,
            String product,
            boolean retired,
            int degree,
            @Nullable Step parent) {

        /** One shortest path from {@code root} to this step, both included (a start with the root's id is the root). */
        List<NodeKey> path(NodeKey root) {
            List<NodeKey> reversed = new ArrayList<>();
            for (Step step = this; step != null; step = step.parent) {
                reversed.add(new NodeKey(step.kind, step.id));
            }
            List<NodeKey> path = new ArrayList<>();
            if (!reversed.get(reversed.size() - 1).id().equals(root.id())) {
                path.add(root);
            }
            for (int i = reversed.size() - 1; i >= 0; i--) {
                path.add(reversed.get(i));
            }
            return path;
        }
    }

    /**
     * The walk's outcome: every reached node (starts excluded), whether a limit cut it short, and, from a
     * walk on the server, the owners of the products of the datasets it touched and of the consumers it
     * reached (by id), and what the viewer may see of its nodes and of those products.
     */
    record Walk(
            Map<String, Step> reached,
            boolean truncated,
            Map<String, CatalogReader.OwnedBy> owners,
            Map<String, CatalogReader.OwnedBy> consumerOwners,
            HiddenNodes.Verdicts verdicts) {

        Walk(Map<String, Step> reached, boolean truncated) {
            this(reached, truncated, Map.of(), Map.of(), new HiddenNodes.Verdicts());
        }

        Collection<Step> steps() {
            return reached.values();
        }
    }

    private final Driver driver;
    private final CypherLog cypher;
    private final ServerProcedures procedures;

    Traversal(Driver driver, CypherLog cypher, ServerProcedures procedures) {
        this.driver = driver;
        this.cypher = cypher;
        this.procedures = procedures;
    }

    /** The walk; on the server, with what {@code viewer} may see of what it reached. */
    Walk walk(ViewerParameters viewer, List<Start> starts, Direction direction, int maxDepth, int maxNodes) {
        if (starts.isEmpty()) {
            return new Walk(Map.of(), false);
        }
        return procedures.available()
                ? walkOnServer(viewer, starts, direction, maxDepth, maxNodes)
                : walkByLevels(starts, direction, maxDepth, maxNodes);
    }

    /**
     * The same walk as {@link #walkByLevels}, done by {@code meshcatalog.walk} in one round trip, which also judges
     * what {@code viewer} may see of the nodes it reached and the products it touched.
     */
    private Walk walkOnServer(
            ViewerParameters viewer, List<Start> starts, Direction direction, int maxDepth, int maxNodes) {
        List<Step> startSteps = starts.stream().map(Traversal::start).toList();
        Record answer = cypher.read(
                        driver,
                        "walk-procedure",
                        viewer.with(
                                "starts",
                                starts.stream()
                                        .map(start -> List.of(start.element(), start.degree()))
                                        .toList(),
                                "downstream",
                                direction == Direction.DOWNSTREAM,
                                "maxDepth",
                                maxDepth,
                                "maxNodes",
                                maxNodes))
                .records()
                .get(0);
        List<Step> rows = new ArrayList<>();
        Map<String, Step> reached = new LinkedHashMap<>();
        for (Value row : answer.get("reached").values()) {
            int parent = row.get(0).asInt();
            Step step = new Step(
                    "#" + rows.size(),
                    NodeKind.valueOf(row.get(2).asString()),
                    row.get(3).asString(),
                    row.get(4).asString(),
                    row.get(5).asString(),
                    row.get(6).asBoolean(),
                    row.get(7).asString(),
                    row.get(8).asString(),
                    row.get(9).asBoolean(),
                    row.get(1).asInt(),
                    parent < 0 ? startSteps.get(-1 - parent) : rows.get(parent));
            rows.add(step);
            reached.put(step.element(), step);
        }
        Map<String, CatalogReader.OwnedBy> owners =
                byId(CatalogReader.packedOwners(answer.get("products"), answer.get("teams"), true));
        return new Walk(
                reached,
                answer.get("truncated").asBoolean(),
                owners,
                byId(CatalogReader.packedOwners(answer.get("consumers"), answer.get("teams"), false)),
                verdicts(rows, owners.keySet(), answer.get("hidden")));
    }

    /**
     * What the walk's statement judged: every reached node and every product it names with an owner (products without
     * one are judged again where an answer holds them), and the hidden ones among them with their teams.
     */
    private static HiddenNodes.Verdicts verdicts(List<Step> reached, Collection<String> products, Value hidden) {
        HiddenNodes.Verdicts verdicts = new HiddenNodes.Verdicts();
        reached.forEach(step -> verdicts.judged(new NodeKey(step.kind(), step.id())));
        products.forEach(product -> verdicts.judged(new NodeKey(NodeKind.PRODUCT, product)));
        for (Value row : hidden.values()) {
            verdicts.hidden(
                    new NodeKey(
                            NodeKind.valueOf(row.get(0).asString()), row.get(1).asString()),
                    row.get(2).isNull() ? null : row.get(2).asString());
        }
        return verdicts;
    }

    private static Map<String, CatalogReader.OwnedBy> byId(List<CatalogReader.OwnedBy> owners) {
        Map<String, CatalogReader.OwnedBy> byId = new HashMap<>();
        owners.forEach(one -> byId.put(one.id(), one));
        return byId;
    }

    private Walk walkByLevels(List<Start> starts, Direction direction, int maxDepth, int maxNodes) {
        Map<String, Step> visited = new HashMap<>();
        Map<String, Step> reached = new LinkedHashMap<>();
        TreeMap<Integer, List<Step>> pending = new TreeMap<>();
        for (Start start : starts) {
            Step step = start(start);
            if (visited.putIfAbsent(start.element(), step) == null) {
                pending.computeIfAbsent(start.degree(), d -> new ArrayList<>()).add(step);
            }
        }
        boolean truncated = false;
        while (!pending.isEmpty()) {
            Map.Entry<Integer, List<Step>> level = pending.pollFirstEntry();
            int degree = level.getKey();
            List<Step> next = next(level.getValue(), direction);
            if (degree >= maxDepth) {
                truncated |= next.stream().anyMatch(step -> !visited.containsKey(step.element()));
                continue;
            }
            for (Step step : next) {
                if (visited.containsKey(step.element())) {
                    continue;
                }
                if (reached.size() >= maxNodes) {
                    return new Walk(reached, true);
                }
                visited.put(step.element(), step);
                reached.put(step.element(), step);
                pending.computeIfAbsent(degree + 1, d -> new ArrayList<>()).add(step);
            }
        }
        return new Walk(reached, truncated);
    }

    /**
     * The nodes one hop from {@code starts}, in a single round trip; {@code truncated} says nothing here.
     * On the server the walk's owners come along.
     */
    Walk neighbours(ViewerParameters viewer, List<Start> starts, Direction direction, int maxNodes) {
        if (starts.isEmpty()) {
            return new Walk(Map.of(), false);
        }
        if (procedures.available()) {
            return walkOnServer(viewer, starts, direction, 1, maxNodes);
        }
        Map<String, Step> reached = new LinkedHashMap<>();
        next(starts.stream().map(Traversal::start).toList(), direction)
                .forEach(step -> reached.putIfAbsent(step.element(), step));
        return new Walk(reached, false);
    }

    private static Step start(Start start) {
        return new Step(
                start.element(),
                start.kind(),
                start.id(),
                start.id(),
                "",
                false,
                "",
                "",
                false,
                start.degree(),
                start.parent());
    }

    /** One level: what the nodes of {@code frontier} feed (consumers feed nothing) or are fed by, one hop further. */
    private List<Step> next(List<Step> frontier, Direction direction) {
        Map<String, Step> byElement = new HashMap<>();
        // consumers read datasets and feed nothing: no round trip downstream to learn that again
        frontier.stream()
                .filter(step -> direction == Direction.UPSTREAM || step.kind() != NodeKind.CONSUMER)
                .forEach(step -> byElement.put(step.element(), step));
        if (byElement.isEmpty()) {
            return List.of();
        }
        String statement = direction == Direction.DOWNSTREAM ? "feeds-downstream" : "feeds-upstream";
        List<Step> next = new ArrayList<>();
        for (Record row : cypher.read(driver, statement, Map.of("frontier", List.copyOf(byElement.keySet())))
                .records()) {
            Step from = byElement.get(row.get("from").asString());
            next.add(new Step(
                    row.get("element").asString(),
                    NodeKind.valueOf(row.get("kind").asString()),
                    row.get("id").asString(),
                    row.get("name").asString(),
                    row.get("domain").asString(),
                    row.get("external").asBoolean(),
                    row.get("dataset").asString(),
                    row.get("product").asString(),
                    row.get("retired").asBoolean(),
                    from.degree() + 1,
                    from));
        }
        return next;
    }
}
