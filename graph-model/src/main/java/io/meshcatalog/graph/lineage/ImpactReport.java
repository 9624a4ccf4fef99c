package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * Everything downstream of a node that the viewer may see, the teams to notify (deduplicated per team, hidden hits
 * included without their ids), and per team how many impacted items the viewer may not see; {@code edges} are empty
 * unless asked for ({@link LineageEdge}).
 */
public record ImpactReport(
        NodeRef root,
        int depth,
        List<LineageNode> nodes,
        List<LineageEdge> edges,
        List<TeamToNotify> ownersToNotify,
        boolean truncated,
        List<HiddenItems> hidden) {

    public ImpactReport {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        ownersToNotify = List.copyOf(ownersToNotify);
        hidden = List.copyOf(hidden);
    }

    public List<LineageNode> ofKind(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }
}
