package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * What a set of proposed field changes breaks downstream, whom to tell (once per team), and notes
 * on changes that break nothing (for example a retype to the type the field already has). Breaks the viewer may
 * not see are counted per team in {@code hidden} instead of listed.
 */
public record ChangeImpactReport(
        List<FieldChange> changes,
        List<BrokenItem> breaks,
        List<TeamToNotify> ownersToNotify,
        List<String> notes,
        boolean truncated,
        List<HiddenItems> hidden) {

    public ChangeImpactReport {
        changes = List.copyOf(changes);
        breaks = List.copyOf(breaks);
        ownersToNotify = List.copyOf(ownersToNotify);
        notes = List.copyOf(notes);
        hidden = List.copyOf(hidden);
    }
}
