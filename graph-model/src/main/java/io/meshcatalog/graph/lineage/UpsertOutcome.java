package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * What one product upsert did: created it, changed it (with the changes recorded as a new
 * revision), found it already as declared, or retired it because its domain's descriptor no longer declares it.
 */
public record UpsertOutcome(String productId, Change change, String contentHash, List<SchemaChange> changes) {

    public UpsertOutcome {
        changes = List.copyOf(changes);
    }

    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED,
        RETIRED
    }
}
