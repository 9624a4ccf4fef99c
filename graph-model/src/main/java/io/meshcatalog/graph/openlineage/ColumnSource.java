package io.meshcatalog.graph.openlineage;

/** A field an output column is derived from ({@code columnLineage.fields.<name>.inputFields[]}). */
public record ColumnSource(String namespace, String name, String field) {

    public String datasetKey() {
        return EventDataset.key(namespace, name);
    }
}
