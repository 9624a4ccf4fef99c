package io.meshcatalog.graph.lineage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request for access to a product, and, once approved, the grant it became: who asked ({@code requester}), for whom
 * ({@code team}, or the requester alone when null), why ({@code purpose}, a label the governance check compares with
 * consumers' purposes), until when, and who decided when. A grant in force widens who may see a private product
 * until {@code until}; then it expires on its own.
 *
 * @param decidedBy who approved or denied it, null while pending
 * @param revokedBy who revoked it (the requester withdrawing, the owning team, an admin), null unless revoked
 * @param note what the last one to decide or revoke wrote; empty when nothing
 */
public record AccessRequest(
        String id,
        String productId,
        String requester,
        @Nullable String team,
        String purpose,
        Instant until,
        AccessStatus status,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        String note) {

    /** Who the access is for: the team, or the requester alone. */
    public String grantee() {
        return team != null ? team : requester;
    }
}
