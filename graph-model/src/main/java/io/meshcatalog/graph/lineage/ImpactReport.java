package io.meshcatalog.graph.lineage;

import java.util.List;

/** Everything downstream of a node, and the teams to notify, deduplicated per team. */
public record ImpactReport(NodeRef root, int depth, List<LineageNode> nodes, List<TeamToNotify> ownersToNotify,
        boolean truncated) {

    public ImpactReport {
        nodes = List.copyOf(nodes);
        ownersToNotify = List.copyOf(ownersToNotify);
    }

    public List<LineageNode> ofKind(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }
}
