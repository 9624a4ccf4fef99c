package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * What a proposed domain descriptor changes against what the catalog holds of its domain ({@code changes}, each
 * named and judged), what its breaking changes break downstream and whom to tell ({@code impact}), and how many of
 * the domain's products were not compared because the caller may not see them.
 */
public record DescriptorCheckReport(
        String domain, List<SchemaChange> changes, ChangeImpactReport impact, int productsNotCompared) {

    public DescriptorCheckReport {
        changes = List.copyOf(changes);
    }

    /** Whether any change can break what reads the domain's products. */
    public boolean breaking() {
        return changes.stream().anyMatch(SchemaChange::breaking);
    }
}
