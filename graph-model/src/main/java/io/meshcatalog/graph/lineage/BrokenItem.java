package io.meshcatalog.graph.lineage;

import java.util.List;

/** Something a proposed change breaks, and why: one line per change that reaches it. */
public record BrokenItem(LineageNode node, List<String> because) {

    public BrokenItem {
        because = List.copyOf(because);
    }
}
