package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One search result: what matched, how well, and the product, domain and owner it belongs to. */
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
        List<String> classifications) {

    public SearchHit {
        tags = List.copyOf(tags);
        classifications = List.copyOf(classifications);
    }
}
