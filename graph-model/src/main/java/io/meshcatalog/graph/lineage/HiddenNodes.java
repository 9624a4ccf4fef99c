package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * The nodes of an answer that its viewer may not see, and the team answerable for each ({@code hidden-nodes.cypher},
 * with the visibility fragments). Walks go through every node, so that degrees, paths and owners to notify stay
 * true; this takes the hidden ones out of what the answer lists, counts them per team, and masks them in paths.
 */
final class HiddenNodes {

    /** Hides nothing: the viewer sees every node. */
    static final HiddenNodes NONE = new HiddenNodes(Map.of());

    private static final Comparator<HiddenItems> BY_TEAM =
            Comparator.comparing(HiddenItems::team, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<NodeKey, @Nullable String> teams;

    private HiddenNodes(Map<NodeKey, @Nullable String> teams) {
        this.teams = teams;
    }

    /** Which of {@code nodes} the viewer may not see; one statement, none for a viewer that sees everything. */
    static HiddenNodes among(Driver driver, CypherLog cypher, ViewerParameters viewer, Collection<NodeKey> nodes) {
        return among(driver, cypher, viewer, nodes, new Verdicts());
    }

    /**
     * Which of {@code nodes} the viewer may not see, where {@code known} holds what walks inside the server already
     * judged of their own nodes: one statement for the rest, none when nothing is left or the viewer sees everything.
     */
    static HiddenNodes among(
            Driver driver, CypherLog cypher, ViewerParameters viewer, Collection<NodeKey> nodes, Verdicts known) {
        if (viewer.viewer().everything() || nodes.isEmpty()) {
            return NONE;
        }
        Map<NodeKind, List<String>> byKind = new HashMap<>();
        for (NodeKind kind : NodeKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        nodes.stream()
                .filter(node -> !known.judged.contains(node))
                .distinct()
                .forEach(node -> byKind.get(node.kind()).add(node.id()));
        Map<NodeKey, @Nullable String> teams = new HashMap<>(known.hidden);
        if (byKind.values().stream().anyMatch(ids -> !ids.isEmpty())) {
            for (Record row : cypher.read(
                            driver,
                            "hidden-nodes",
                            viewer.with(
                                    "products",
                                    byKind.get(NodeKind.PRODUCT),
                                    "datasets",
                                    byKind.get(NodeKind.DATASET),
                                    "fields",
                                    byKind.get(NodeKind.FIELD),
                                    "consumers",
                                    byKind.get(NodeKind.CONSUMER)))
                    .records()) {
                teams.put(
                        new NodeKey(
                                NodeKind.valueOf(row.get("kind").asString()),
                                row.get("id").asString()),
                        row.get("team").isNull() ? null : row.get("team").asString());
            }
        }
        return new HiddenNodes(teams);
    }

    /**
     * What walks inside the server judged of the nodes they reached (walk-procedure.cypher, by the same rule as
     * hidden-nodes.cypher): every node judged, and of those, the ones the viewer may not see with their teams.
     */
    static final class Verdicts {

        private final Set<NodeKey> judged = new HashSet<>();
        private final Map<NodeKey, @Nullable String> hidden = new HashMap<>();

        void judged(NodeKey node) {
            judged.add(node);
        }

        void hidden(NodeKey node, @Nullable String team) {
            judged.add(node);
            hidden.put(node, team);
        }

        void add(Verdicts other) {
            judged.addAll(other.judged);
            hidden.putAll(other.hidden);
        }
    }

    boolean hides(NodeKey node) {
        return teams.containsKey(node);
    }

    /** The hidden ones of {@code nodes}, counted per owning team, teams by name (no team last). */
    List<HiddenItems> summary(Collection<NodeKey> nodes) {
        Map<@Nullable String, Integer> counts = new HashMap<>();
        nodes.stream().distinct().filter(this::hides).forEach(node -> counts.merge(teams.get(node), 1, Integer::sum));
        List<HiddenItems> summary = new ArrayList<>();
        counts.forEach((team, count) -> summary.add(new HiddenItems(team, count)));
        summary.sort(BY_TEAM);
        return summary;
    }

    /** The ids of {@code path}, each run of hidden nodes replaced by one {@link LineageNode#HIDDEN}. */
    List<String> mask(List<NodeKey> path) {
        List<String> masked = new ArrayList<>();
        for (NodeKey node : path) {
            if (!hides(node)) {
                masked.add(node.id());
            } else if (masked.isEmpty() || !Objects.equals(masked.get(masked.size() - 1), LineageNode.HIDDEN)) {
                masked.add(LineageNode.HIDDEN);
            }
        }
        return masked;
    }
}
