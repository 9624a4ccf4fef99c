package io.meshcatalog.graph.model;

import java.util.List;

/**
 * ODCS v3.1 {@code schema[]}: a dataset a product publishes, with its fields; {@code physicalType} is what it is where
 * it is stored (table, view, topic …) and {@code businessName} its name in the business's words, empty when not
 * declared.
 */
public record Dataset(
        DatasetId id,
        String physicalName,
        String description,
        List<String> tags,
        List<Field> fields,
        String physicalType,
        String businessName) {

    public Dataset {
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
    }

    public FieldRef ref(Field field) {
        return id.field(field.name());
    }
}
