package io.meshcatalog.graph.lineage;

/** What one product upsert did: created it, changed it, or found it already as declared. */
public record UpsertOutcome(String productId, Change change, String contentHash) {

    public enum Change {
        CREATED, UPDATED, UNCHANGED
    }
}
