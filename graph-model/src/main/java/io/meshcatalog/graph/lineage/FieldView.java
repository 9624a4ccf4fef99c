package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field as stored: its meaning, classification and the fields it is derived from (those the viewer may see), with
 * the example values the viewer may see; {@code examplesWithheld} says its classification keeps them from it.
 */
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
        boolean placeholder,
        List<String> examples,
        boolean examplesWithheld,
        String physicalType,
        String businessName) {

    public FieldView {
        tags = List.copyOf(tags);
        derivedFrom = List.copyOf(derivedFrom);
        examples = List.copyOf(examples);
    }
}
