package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * The edges of a lineage answer, as its viewer sees them: every {@code FEEDS} between its visible items and the items
 * it starts from (a diamond's two sides, not only the one shortest path each node carries), the steps of those paths
 * from a column to its own dataset ({@link LineageEdge.Kind#PART_OF}), and where a path runs through items the viewer
 * may not see, one {@link LineageEdge.Kind#HIDDEN} edge across them. At most {@code limit} relationships are read.
 */
final class LineageEdges {

    /** The edges, and whether the limit cut them short. */
    record Found(List<LineageEdge> edges, boolean truncated) {}

    private LineageEdges() {}

    static Found of(
            Driver driver,
            CypherLog cypher,
            Direction direction,
            Collection<NodeKey> starts,
            List<Reach.Found> found,
            HiddenNodes hidden,
            int limit) {
        Map<List<NodeKey>, LineageEdge> edges = new LinkedHashMap<>();
        Set<NodeKey> items = new LinkedHashSet<>(starts);
        for (Reach.Found node : found) {
            if (node.kind() != NodeKind.PRODUCT && !hidden.hides(node.key())) {
                addPath(edges, items, walked(node), hidden, direction);
            }
        }
        List<String> datasets = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (NodeKey item : items) {
            if (item.kind() == NodeKind.DATASET) {
                datasets.add(item.id());
            } else if (item.kind() == NodeKind.FIELD) {
                fields.add(item.id());
            }
        }
        List<Record> rows = datasets.isEmpty() && fields.isEmpty()
                ? List.of()
                : cypher.read(
                                driver,
                                "lineage-edges",
                                Map.of(
                                        "datasets",
                                        datasets,
                                        "fields",
                                        fields,
                                        "ids",
                                        items.stream()
                                                .map(NodeKey::id)
                                                .distinct()
                                                .toList(),
                                        "limit",
                                        limit))
                        .records();
        for (Record row : rows) {
            NodeKey to = new NodeKey(
                    NodeKind.valueOf(row.get("toKind").asString()),
                    row.get("to").asString());
            if (items.contains(to)) {
                NodeKey from = new NodeKey(
                        NodeKind.valueOf(row.get("kind").asString()),
                        row.get("id").asString());
                edges.putIfAbsent(List.of(from, to), new LineageEdge(from, to, LineageEdge.Kind.FEEDS));
            }
        }
        return new Found(List.copyOf(edges.values()), rows.size() >= limit);
    }

    /** The node's path as walked, ending at the node itself (a dataset reached through its column ends at the column). */
    private static List<NodeKey> walked(Reach.Found node) {
        List<NodeKey> path = node.path();
        if (!path.isEmpty() && path.get(path.size() - 1).equals(node.key())) {
            return path;
        }
        List<NodeKey> whole = new ArrayList<>(path);
        whole.add(node.key());
        return whole;
    }

    /** The steps of one path between items the viewer sees, each in the direction data flows. */
    private static void addPath(
            Map<List<NodeKey>, LineageEdge> edges,
            Set<NodeKey> items,
            List<NodeKey> path,
            HiddenNodes hidden,
            Direction direction) {
        NodeKey previous = null;
        boolean through = false;
        for (NodeKey step : path) {
            if (step.kind() == NodeKind.PRODUCT) {
                continue; // the root product: its datasets and columns start the walk
            }
            if (hidden.hides(step)) {
                through = previous != null;
                continue;
            }
            items.add(step);
            if (previous != null) {
                LineageEdge edge = edge(
                        direction == Direction.DOWNSTREAM ? previous : step,
                        direction == Direction.DOWNSTREAM ? step : previous,
                        through);
                edges.putIfAbsent(List.of(edge.from(), edge.to()), edge);
            }
            previous = step;
            through = false;
        }
    }

    /**
     * A step of a path as an edge. A step between a column and its own dataset, either way (a dataset's walk starts at
     * its columns), is where the column sits, not a flow: PART_OF, read from the column to its dataset.
     */
    private static LineageEdge edge(NodeKey from, NodeKey to, boolean throughHidden) {
        if (throughHidden) {
            return new LineageEdge(from, to, LineageEdge.Kind.HIDDEN);
        }
        if (isColumnOf(from, to)) {
            return new LineageEdge(from, to, LineageEdge.Kind.PART_OF);
        }
        if (isColumnOf(to, from)) {
            return new LineageEdge(to, from, LineageEdge.Kind.PART_OF);
        }
        return new LineageEdge(from, to, LineageEdge.Kind.FEEDS);
    }

    private static boolean isColumnOf(NodeKey column, NodeKey dataset) {
        return column.kind() == NodeKind.FIELD
                && dataset.kind() == NodeKind.DATASET
                && column.id().startsWith(dataset.id() + ".")
                && column.id().lastIndexOf('.') == dataset.id().length();
    }
}
