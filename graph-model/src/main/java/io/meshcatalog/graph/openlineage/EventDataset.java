package io.meshcatalog.graph.openlineage;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dataset named in an event by namespace and name, with its schema, for outputs the sources of each column, and
 * the data quality results the event reports for it.
 */
public record EventDataset(
        String namespace,
        String name,
        List<SchemaField> fields,
        Map<String, List<ColumnSource>> columnLineage,
        @Nullable DatasetQuality quality) {

    public EventDataset {
        fields = List.copyOf(fields);
        columnLineage = Map.copyOf(columnLineage);
    }

    /** A dataset without data quality facets. */
    public EventDataset(
            String namespace, String name, List<SchemaField> fields, Map<String, List<ColumnSource>> columnLineage) {
        this(namespace, name, fields, columnLineage, null);
    }

    /** The id a dataset known only from OpenLineage has in the graph: {@code <namespace>/<name>}. */
    public String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
