package io.meshcatalog.graph.openlineage;

import java.util.List;
import java.util.Map;

/**
 * A dataset named in an event by namespace and name, with its schema and, for outputs, the sources
 * of each column.
 */
public record EventDataset(String namespace, String name, List<SchemaField> fields,
        Map<String, List<ColumnSource>> columnLineage) {

    public EventDataset {
        fields = List.copyOf(fields);
        columnLineage = Map.copyOf(columnLineage);
    }

    /** The id a dataset known only from OpenLineage has in the graph: {@code <namespace>/<name>}. */
    public String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
