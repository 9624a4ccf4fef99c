package io.meshcatalog.graph.lineage;

import java.util.List;

/** Every flow of personal data out of the mesh the viewer may see; {@code truncated} when there were more. */
public record GovernanceReport(List<GovernanceFinding> findings, boolean truncated) {

    public GovernanceReport {
        findings = List.copyOf(findings);
    }

    /** The flows without a grant that covers them. */
    public List<GovernanceFinding> flagged() {
        return findings.stream().filter(finding -> !finding.compliant()).toList();
    }
}
