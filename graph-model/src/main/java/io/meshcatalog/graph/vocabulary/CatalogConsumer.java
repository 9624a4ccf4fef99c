package io.meshcatalog.graph.vocabulary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Consumer}: who reads the product, inside the mesh or outside it, and what for. */
public record CatalogConsumer(
        String id,
        String name,
        String kind,
        String description,
        boolean external,
        String destination,
        @Nullable String ownerTeam,
        List<String> datasetIds,
        @Nullable String purpose) {

    public CatalogConsumer {
        datasetIds = List.copyOf(datasetIds);
    }
}
