package io.meshcatalog.graph.lineage;

/** What the owning team decides about a pending access request. */
public enum AccessDecision {
    APPROVE,
    DENY
}
