package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One flow of personal data out of the mesh: the external {@code consumer} (owned by {@code consumerTeam}, used for
 * {@code purpose}) is fed, along {@code path} (field ids, then the dataset it reads, then the consumer; a run of
 * nodes the viewer may not see is one {@link LineageNode#HIDDEN}), by the PII field {@code piiField} of
 * {@code product}, which {@code productTeam} owns. It is {@code compliant} when {@code grant} names a grant in force
 * on the product to the consumer's team for the consumer's purpose; {@code teamsToTell} are both teams.
 */
public record GovernanceFinding(
        String consumer,
        String consumerName,
        String destination,
        @Nullable String purpose,
        String consumerTeam,
        String piiField,
        String product,
        String productTeam,
        List<String> path,
        boolean compliant,
        @Nullable String grant,
        List<String> teamsToTell) {

    public GovernanceFinding {
        path = List.copyOf(path);
        teamsToTell = List.copyOf(teamsToTell);
    }
}
