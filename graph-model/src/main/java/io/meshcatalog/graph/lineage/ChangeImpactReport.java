package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * What a set of proposed field changes breaks downstream, whom to tell (once per team), and notes
 * on changes that break nothing (for example a retype to the type the field already has).
 */
public record ChangeImpactReport(List<FieldChange> changes, List<BrokenItem> breaks,
        List<TeamToNotify> ownersToNotify, List<String> notes, boolean truncated) {

    public ChangeImpactReport {
        changes = List.copyOf(changes);
        breaks = List.copyOf(breaks);
        ownersToNotify = List.copyOf(ownersToNotify);
        notes = List.copyOf(notes);
    }
}
