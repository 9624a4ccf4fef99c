package io.meshcatalog.graph.lineage;

import java.util.List;

/** The answer to a lineage question; {@code truncated} says a depth or size limit cut it short. */
public record LineageResult(NodeRef root, Direction direction, int depth, List<LineageNode> nodes,
        boolean truncated) {

    public LineageResult {
        nodes = List.copyOf(nodes);
    }

    public List<LineageNode> ofKind(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }
}
