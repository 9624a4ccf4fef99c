package io.meshcatalog.graph.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ODCS v3.1 {@code schema[].properties[]}: one field of a dataset, its meaning and, through
 * {@code transformSourceObjects}, the fields it is derived from (field-level lineage). {@code examples} are
 * example values (ODCS {@code examples}), shown only to callers allowed to see the field's classification.
 * {@code physicalType} is its type where it is stored (such as {@code VARCHAR(20)}), {@code businessName} its name in
 * the business's words; both empty when not declared.
 */
public record Field(
        String name,
        String logicalType,
        String description,
        @Nullable Classification classification,
        boolean criticalDataElement,
        boolean required,
        boolean primaryKey,
        List<String> tags,
        List<FieldRef> transformSourceObjects,
        String transformDescription,
        List<String> examples,
        String physicalType,
        String businessName) {

    public Field {
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
        transformSourceObjects = List.copyOf(transformSourceObjects);
    }
}
