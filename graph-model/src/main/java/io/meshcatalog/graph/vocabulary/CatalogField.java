package io.meshcatalog.graph.vocabulary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Field}, with its full ref and the refs it is derived from (field-level lineage). */
public record CatalogField(
        String ref,
        String name,
        String logicalType,
        String description,
        @Nullable String classification,
        boolean criticalDataElement,
        boolean required,
        boolean primaryKey,
        List<String> tags,
        List<String> derivedFrom,
        String transformDescription) {

    public CatalogField {
        tags = List.copyOf(tags);
        derivedFrom = List.copyOf(derivedFrom);
    }
}
