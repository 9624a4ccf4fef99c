package io.meshcatalog.graph.lineage;

/**
 * Where an access request stands. {@link #EXPIRED} is never stored: a pending request or an approved grant reads as
 * expired once its {@code until} has passed, by the store's clock.
 */
public enum AccessStatus {
    PENDING,
    APPROVED,
    DENIED,
    REVOKED,
    EXPIRED
}
