package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A field as stored: its meaning, classification and the fields it is derived from. */
public record FieldView(
        String id,
        String name,
        String dataset,
        String logicalType,
        String description,
        @Nullable String classification,
        boolean criticalDataElement,
        List<String> tags,
        List<String> derivedFrom,
        boolean placeholder) {

    public FieldView {
        tags = List.copyOf(tags);
        derivedFrom = List.copyOf(derivedFrom);
    }
}
