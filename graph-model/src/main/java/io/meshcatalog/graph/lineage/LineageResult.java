package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * The answer to a lineage question; {@code truncated} says a depth or size limit cut it short, {@code hidden} counts
 * per team what lineage reached but the viewer may not see (left out of {@code nodes}, masked in paths). {@code edges}
 * are empty unless asked for ({@link LineageEdge}).
 */
public record LineageResult(
        NodeRef root,
        Direction direction,
        int depth,
        List<LineageNode> nodes,
        List<LineageEdge> edges,
        boolean truncated,
        List<HiddenItems> hidden) {

    public LineageResult {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        hidden = List.copyOf(hidden);
    }

    public List<LineageNode> ofKind(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }
}
