package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * One node reached by a traversal: its {@code degree} is the number of lineage hops from the start,
 * and {@code path} is one shortest path of ids from the start to it (both included).
 */
public record LineageNode(NodeKind kind, String id, String name, String domain, int degree, List<String> path,
        boolean external) {

    public LineageNode {
        path = List.copyOf(path);
    }
}
