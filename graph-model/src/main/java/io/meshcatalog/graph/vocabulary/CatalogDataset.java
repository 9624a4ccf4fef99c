package io.meshcatalog.graph.vocabulary;

import java.util.List;

/** The GraphQL {@code Dataset}: an ODCS schema object of a product. */
public record CatalogDataset(
        String id,
        String name,
        String physicalName,
        String description,
        List<String> tags,
        List<CatalogField> fields,
        String productId) {

    public CatalogDataset {
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
    }
}
