package io.meshcatalog.graph.lineage;

import java.time.Instant;
import java.util.List;

/**
 * A revision of a product in the catalog: numbered from 1, stamped when the catalog saw the change,
 * with the declared (ODPS) version and what changed since the revision before.
 */
public record ProductRevision(int number, Instant at, String contentHash, String declaredVersion,
        List<SchemaChange> changes) {

    public ProductRevision {
        changes = List.copyOf(changes);
    }
}
