package io.meshcatalog.graph.lineage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A revision of a product in the catalog: numbered from 1, stamped when the catalog saw the change,
 * with the declared (ODPS) version, what changed since the revision before, and the product as declared then and
 * before ({@code meshcatalog/v1} descriptors of its domain and the product alone; null for revisions recorded before
 * the catalog kept them). {@code harvest} names what wrote it, such as the harvest of a subgraph by a caller.
 */
public record ProductRevision(
        int number,
        Instant at,
        String contentHash,
        String declaredVersion,
        List<SchemaChange> changes,
        @Nullable String descriptor,
        @Nullable String previousDescriptor,
        String harvest) {

    public ProductRevision {
        changes = List.copyOf(changes);
    }
}
