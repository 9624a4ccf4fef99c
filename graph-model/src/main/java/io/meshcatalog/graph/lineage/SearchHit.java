package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.HealthStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result: what matched, how well, the product, domain and owner it belongs to, and its health when
 * searched (a field's is its dataset's; a consumer's UNKNOWN).
 */
public record SearchHit(
        NodeKind kind,
        String id,
        String name,
        String description,
        double score,
        @Nullable String product,
        String domain,
        String status,
        @Nullable String owner,
        List<String> tags,
        List<String> classifications,
        HealthStatus health) {

    public SearchHit {
        tags = List.copyOf(tags);
        classifications = List.copyOf(classifications);
    }
}
