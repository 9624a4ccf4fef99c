package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Lineage, impact and change impact over the graph, as one viewer sees them. Datasets and consumers are walked along
 * dataset-level {@code FEEDS}, fields along field-level {@code FEEDS}; products are reached through the datasets
 * they publish, and take the smallest degree of those. Walks start only where the viewer may look and then go
 * through every node, so degrees and owners stay true; what the viewer may not see is left out of the answer,
 * counted per owning team, and masked in paths ({@link HiddenNodes}).
 */
final class LineageAnalysis {

    private final Driver driver;
    private final CypherLog cypher;
    private final Traversal traversal;
    private final CatalogReader reader;
    private final TraversalLimits limits;
    private final ServerProcedures procedures;

    LineageAnalysis(
            Driver driver,
            CypherLog cypher,
            CatalogReader reader,
            TraversalLimits limits,
            ServerProcedures procedures) {
        this.driver = driver;
        this.cypher = cypher;
        this.procedures = procedures;
        this.traversal = new Traversal(driver, cypher, procedures);
        this.reader = reader;
        this.limits = limits;
    }

    LineageResult lineage(
            ViewerParameters viewer,
            NodeRef root,
            Direction direction,
            @Nullable Integer requestedDepth,
            boolean withEdges) {
        int depth = limits.clampDepth(requestedDepth);
        NodeKind level =
                root.kind() == NodeKind.FIELD || root.kind() == NodeKind.CONSUMER ? root.kind() : NodeKind.DATASET;
        List<Traversal.Start> starts =
                starts(viewer, root).stream().filter(s -> s.kind() == level).toList();
        Reach reach = new Reach(root);
        reach.started(starts);
        reach.add(traversal.walk(viewer, starts, direction, depth, limits.maxNodes()));
        if (level != NodeKind.FIELD) {
            addProducts(reach);
        }
        List<Reach.Found> found = reach.sorted();
        HiddenNodes hidden = hidden(viewer, found, reach.verdicts);
        LineageEdges.Found edges = edges(withEdges, direction, reach, found, hidden);
        return new LineageResult(
                root,
                direction,
                depth,
                visible(found, hidden),
                edges.edges(),
                reach.truncated || edges.truncated(),
                hidden.summary(keys(found)));
    }

    ImpactReport impact(ViewerParameters viewer, NodeRef root, @Nullable Integer requestedDepth, boolean withEdges) {
        int depth = limits.clampDepth(requestedDepth);
        Reach reach = downstream(viewer, root, depth);
        List<Reach.Found> found = reach.sorted();
        HiddenNodes hidden = hidden(viewer, found, reach.verdicts);
        LineageEdges.Found edges = edges(withEdges, Direction.DOWNSTREAM, reach, found, hidden);
        return new ImpactReport(
                root,
                depth,
                visible(found, hidden),
                edges.edges(),
                notify(found, hidden, reach.productOwners, reach.consumerOwnersFromWalks),
                reach.truncated || edges.truncated(),
                hidden.summary(keys(found)));
    }

    /** The answer's edges when asked for: reading them is one more statement, over every item of the answer. */
    private LineageEdges.Found edges(
            boolean wanted, Direction direction, Reach reach, List<Reach.Found> found, HiddenNodes hidden) {
        if (!wanted) {
            return new LineageEdges.Found(List.of(), false);
        }
        return LineageEdges.of(driver, cypher, direction, reach.starts, found, hidden, limits.maxEdges());
    }

    /** A proposed change to an item the catalog holds, and what it does to it in words ("dropped", "retired" …). */
    record Proposed(NodeRef item, String describe) {}

    ChangeImpactReport changeImpact(
            ViewerParameters viewer, List<FieldChange> changes, @Nullable Integer requestedDepth) {
        List<Proposed> proposed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FieldChange change : changes) {
            FieldView field = reader.field(viewer, change.field().value())
                    .filter(f -> !f.placeholder())
                    .orElseThrow(() -> new UnknownNodeException(
                            NodeRef.field(change.field().value())));
            if (change.kind() == ChangeKind.RETYPE && field.logicalType().equalsIgnoreCase(change.newType())) {
                notes.add(field.id() + " is already of type " + field.logicalType() + "; retyping it changes nothing");
            } else {
                proposed.add(new Proposed(NodeRef.field(field.id()), change.describe()));
            }
        }
        return impactOf(viewer, changes, proposed, notes, requestedDepth);
    }

    /**
     * What {@code proposed} changes break downstream, merged: each item once at its nearest degree, with one reason
     * per change that reaches it, and the teams to tell once each.
     */
    ChangeImpactReport impactOf(
            ViewerParameters viewer,
            List<FieldChange> changes,
            List<Proposed> proposed,
            List<String> notesSoFar,
            @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        Map<NodeKey, Reach.Found> nodes = new LinkedHashMap<>();
        Map<NodeKey, List<String>> because = new HashMap<>();
        Map<String, CatalogReader.OwnedBy> productOwners = new HashMap<>();
        Map<String, CatalogReader.OwnedBy> consumerOwners = new HashMap<>();
        HiddenNodes.Verdicts verdicts = new HiddenNodes.Verdicts();
        List<String> notes = new ArrayList<>(notesSoFar);
        boolean truncated = false;
        for (Proposed change : proposed) {
            String id = change.item().id();
            Reach reach;
            try {
                reach = downstream(viewer, change.item(), depth);
            } catch (UnknownNodeException e) {
                notes.add(id + " is not in the catalog, or not for you: what reads it cannot be told");
                continue;
            }
            truncated |= reach.truncated;
            productOwners.putAll(reach.productOwners);
            consumerOwners.putAll(reach.consumerOwnersFromWalks);
            verdicts.add(reach.verdicts);
            List<Reach.Found> reached = reach.sorted();
            for (Reach.Found node : reached) {
                Reach.keepNearest(nodes, node);
                because.computeIfAbsent(node.key(), k -> new ArrayList<>())
                        .add("downstream of " + id + " (degree " + node.degree() + "), which is " + change.describe());
            }
            if (reached.isEmpty()) {
                notes.add("nothing in the catalog is derived from " + id + " or reads "
                        + (change.item().kind() == NodeKind.FIELD ? "its dataset" : "it"));
            }
        }
        List<Reach.Found> broken =
                nodes.values().stream().sorted(Reach.NEAREST_FIRST).toList();
        HiddenNodes hidden = hidden(viewer, broken, verdicts);
        List<BrokenItem> breaks = broken.stream()
                .filter(node -> !hidden.hides(node.key()))
                .map(node -> new BrokenItem(node.seenThrough(hidden), because.get(node.key())))
                .toList();
        return new ChangeImpactReport(
                changes,
                breaks,
                notify(broken, hidden, productOwners, consumerOwners),
                notes,
                truncated,
                hidden.summary(keys(broken)));
    }

    /** What of {@code found} the viewer may not see: what the walks judged, and the rest in one statement. */
    private HiddenNodes hidden(ViewerParameters viewer, List<Reach.Found> found, HiddenNodes.Verdicts judged) {
        return HiddenNodes.among(driver, cypher, viewer, keys(found), judged);
    }

    private static List<NodeKey> keys(List<Reach.Found> found) {
        return found.stream().map(Reach.Found::key).toList();
    }

    private static List<LineageNode> visible(List<Reach.Found> found, HiddenNodes hidden) {
        return found.stream()
                .filter(node -> !hidden.hides(node.key()))
                .map(node -> node.seenThrough(hidden))
                .toList();
    }

    private Reach downstream(ViewerParameters viewer, NodeRef root, int depth) {
        List<Traversal.Start> starts = starts(viewer, root);
        Reach reach = new Reach(root);
        reach.started(starts);
        List<Traversal.Start> fieldStarts =
                starts.stream().filter(s -> s.kind() == NodeKind.FIELD).toList();
        Traversal.Walk fields = traversal.walk(viewer, fieldStarts, Direction.DOWNSTREAM, depth, limits.maxNodes());
        reach.add(fields);

        List<Traversal.Start> datasetStarts = new ArrayList<>(
                starts.stream().filter(s -> s.kind() == NodeKind.DATASET).toList());
        if (root.kind() == NodeKind.FIELD) {
            datasetStarts.addAll(datasetsOfFields(fields, reach));
        }
        reach.add(traversal.walk(viewer, datasetStarts, Direction.DOWNSTREAM, depth, limits.maxNodes()));
        if (root.kind() == NodeKind.FIELD) {
            // whoever reads the field's own dataset may read the field (the viewer sees the field, so its dataset)
            String dataset = root.id().substring(0, root.id().lastIndexOf('.'));
            List<Traversal.Start> ownDataset = starts(viewer, NodeRef.dataset(dataset)).stream()
                    .filter(s -> s.kind() == NodeKind.DATASET)
                    .toList();
            Traversal.Walk near = traversal.neighbours(viewer, ownDataset, Direction.DOWNSTREAM, limits.maxNodes());
            near.steps().stream()
                    .filter(step -> step.kind() == NodeKind.CONSUMER)
                    .forEach(reach::add);
            reach.verdicts.add(near.verdicts());
            reach.consumerOwnersFromWalks.putAll(near.consumerOwners());
        }
        addProducts(reach);
        return reach;
    }

    /**
     * Datasets that hold a reached field are impacted at that field's degree, and join the
     * dataset-level walk there so that their consumers and dependents are found too.
     */
    private List<Traversal.Start> datasetsOfFields(Traversal.Walk fields, Reach reach) {
        Map<String, Traversal.Step> nearestField = new TreeMap<>();
        for (Traversal.Step step : fields.steps()) {
            nearestField.merge(step.dataset(), step, (a, b) -> a.degree() <= b.degree() ? a : b);
        }
        if (nearestField.isEmpty()) {
            return List.of();
        }
        List<Traversal.Start> starts = new ArrayList<>();
        for (Record row : cypher.read(driver, "start-datasets", Map.of("ids", List.copyOf(nearestField.keySet())))
                .records()) {
            Traversal.Step field = nearestField.get(row.get("id").asString());
            reach.add(new Reach.Found(
                    NodeKind.DATASET,
                    row.get("id").asString(),
                    row.get("name").asString(),
                    row.get("domain").asString(),
                    field.degree(),
                    field.path(reach.root),
                    false,
                    row.get("product").asString(),
                    row.get("retired").asBoolean()));
            starts.add(new Traversal.Start(
                    row.get("element").asString(),
                    NodeKind.DATASET,
                    row.get("id").asString(),
                    field.degree(),
                    field));
        }
        return starts;
    }

    /** Where a walk from {@code root} starts; unknown when the viewer may not see it, as when there is none. */
    private List<Traversal.Start> starts(ViewerParameters viewer, NodeRef root) {
        String statement = "start-" + root.kind().name().toLowerCase(Locale.ROOT);
        List<Traversal.Start> starts = cypher.read(driver, statement, viewer.with("id", root.id())).records().stream()
                .map(row -> new Traversal.Start(
                        row.get("element").asString(),
                        NodeKind.valueOf(row.get("kind").asString()),
                        row.get("id").asString(),
                        0,
                        null))
                .toList();
        if (starts.isEmpty()) {
            throw new UnknownNodeException(root);
        }
        return starts;
    }

    /**
     * Adds the products publishing the reached datasets, each at its nearest dataset's degree and
     * path, and keeps their owners for the notification list; a product is not downstream of itself.
     */
    private void addProducts(Reach reach) {
        Map<String, Reach.Found> nearestDataset = new HashMap<>();
        reach.productOfDataset.forEach((dataset, product) -> {
            if (reach.root.kind() != NodeKind.PRODUCT || !reach.root.id().equals(product)) {
                nearestDataset.merge(
                        product,
                        reach.nodes.get(new NodeKey(NodeKind.DATASET, dataset)),
                        (a, b) -> Reach.NEAREST_FIRST.compare(a, b) <= 0 ? a : b);
            }
        });
        List<String> productIds = List.copyOf(nearestDataset.keySet());
        for (CatalogReader.OwnedBy product :
                owners(reach.ownersFromWalks, "product-owners", "productIds", productIds)) {
            Reach.Found via = nearestDataset.get(product.id());
            Reach.keepNearest(
                    reach.nodes,
                    new Reach.Found(
                            NodeKind.PRODUCT,
                            product.id(),
                            product.name(),
                            product.owner().domain(),
                            via.degree(),
                            via.path(),
                            false,
                            product.id(),
                            via.retired()));
            reach.productOwners.put(product.id(), product);
        }
    }

    /**
     * The teams owning impacted products and consumers, each once, nearest impact first: hidden ones are named too
     * (team names are not secret), with how many of their items are hit but without those items' ids.
     */
    private List<TeamToNotify> notify(
            List<Reach.Found> impacted,
            HiddenNodes hidden,
            Map<String, CatalogReader.OwnedBy> productOwners,
            Map<String, CatalogReader.OwnedBy> consumerOwnersFromWalks) {
        Map<NodeKey, Reach.Found> byKey = new HashMap<>();
        impacted.forEach(node -> byKey.putIfAbsent(node.key(), node));
        List<Map.Entry<Reach.Found, Owner>> owners = new ArrayList<>();
        for (Reach.Found node : impacted) {
            CatalogReader.OwnedBy owned = node.kind() == NodeKind.PRODUCT ? productOwners.get(node.id()) : null;
            if (owned != null) {
                owners.add(Map.entry(node, owned.owner()));
            }
        }
        List<String> consumers = impacted.stream()
                .filter(n -> n.kind() == NodeKind.CONSUMER)
                .map(Reach.Found::id)
                .distinct()
                .toList();
        for (CatalogReader.OwnedBy owned :
                owners(consumerOwnersFromWalks, "consumer-owners", "consumerIds", consumers)) {
            owners.add(Map.entry(byKey.get(new NodeKey(NodeKind.CONSUMER, owned.id())), owned.owner()));
        }
        Map<String, List<Map.Entry<Reach.Found, Owner>>> byTeam = owners.stream()
                .collect(Collectors.groupingBy(
                        entry -> entry.getValue().team(), LinkedHashMap::new, Collectors.toList()));
        List<TeamToNotify> teams = new ArrayList<>();
        byTeam.forEach((team, entries) -> {
            // impacted holds each node once and each node has one owner: no duplicates to remove
            List<Reach.Found> affected = entries.stream()
                    .map(Map.Entry::getKey)
                    .sorted(Reach.NEAREST_FIRST)
                    .toList();
            teams.add(new TeamToNotify(
                    team,
                    entries.get(0).getValue().members(),
                    affected.stream()
                            .filter(node -> !hidden.hides(node.key()))
                            .map(Reach.Found::id)
                            .toList(),
                    affected.get(0).degree(),
                    (int) affected.stream()
                            .filter(node -> hidden.hides(node.key()))
                            .count()));
        });
        teams.sort(Comparator.comparingInt(TeamToNotify::nearestDegree).thenComparing(TeamToNotify::team));
        return teams;
    }

    /**
     * The owners of {@code ids}: those the walks brought along when they ran inside Neo4j, otherwise
     * read with {@code statement}.
     */
    private List<CatalogReader.OwnedBy> owners(
            Map<String, CatalogReader.OwnedBy> fromWalks, String statement, String parameter, List<String> ids) {
        return procedures.available()
                ? ids.stream().map(fromWalks::get).filter(Objects::nonNull).toList()
                : reader.ownedBy(statement, parameter, ids);
    }
}
