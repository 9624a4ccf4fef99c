package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.InputPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a product declares that matters to the people downstream: status, who may see it, version, inputs, and each
 * field's type and classification. Two snapshots give the changes between two revisions.
 */
record ProductSnapshot(String status, String visibility, String version, Set<String> inputs, Set<String> datasets,
        Map<String, FieldShape> fields) {

    /** The parts of a field whose change can break a consumer. */
    record FieldShape(String type, String classification) {
    }

    static ProductSnapshot of(DataProduct product) {
        Map<String, FieldShape> fields = new TreeMap<>();
        Set<String> datasets = new TreeSet<>();
        for (Dataset dataset : product.datasets()) {
            datasets.add(dataset.id().value());
            for (Field field : dataset.fields()) {
                Classification classification = field.classification();
                fields.put(dataset.ref(field).value(),
                        new FieldShape(field.logicalType(), classification == null ? "" : classification.name()));
            }
        }
        Set<String> inputs = new TreeSet<>();
        product.inputPorts().stream().map(InputPort::contractId).forEach(id -> inputs.add(id.value()));
        return new ProductSnapshot(product.status().name(), product.visibility().name(), product.version(), inputs,
                datasets, fields);
    }

    /** The changes that turn {@code before} into this snapshot, in a stable order. */
    List<SchemaChange> changesSince(ProductSnapshot before, String productId) {
        List<SchemaChange> changes = new ArrayList<>();
        if (!status.equals(before.status)) {
            changes.add(new SchemaChange(SchemaChange.Kind.STATUS_CHANGED, productId, before.status, status));
        }
        if (!visibility.equals(before.visibility)) {
            changes.add(new SchemaChange(SchemaChange.Kind.VISIBILITY_CHANGED, productId, before.visibility,
                    visibility));
        }
        if (!version.equals(before.version)) {
            changes.add(new SchemaChange(SchemaChange.Kind.VERSION_CHANGED, productId, before.version, version));
        }
        difference(inputs, before.inputs).forEach(id ->
                changes.add(new SchemaChange(SchemaChange.Kind.INPUT_ADDED, id, "", "")));
        difference(before.inputs, inputs).forEach(id ->
                changes.add(new SchemaChange(SchemaChange.Kind.INPUT_REMOVED, id, "", "")));
        difference(datasets, before.datasets).forEach(id ->
                changes.add(new SchemaChange(SchemaChange.Kind.DATASET_ADDED, id, "", "")));
        difference(before.datasets, datasets).forEach(id ->
                changes.add(new SchemaChange(SchemaChange.Kind.DATASET_REMOVED, id, "", "")));
        fields.forEach((ref, shape) -> {
            FieldShape old = before.fields.get(ref);
            if (old == null) {
                changes.add(new SchemaChange(SchemaChange.Kind.FIELD_ADDED, ref, "", shape.type()));
            } else {
                if (!Objects.equals(old.type(), shape.type())) {
                    changes.add(new SchemaChange(SchemaChange.Kind.FIELD_RETYPED, ref, old.type(), shape.type()));
                }
                if (!Objects.equals(old.classification(), shape.classification())) {
                    changes.add(new SchemaChange(SchemaChange.Kind.FIELD_RECLASSIFIED, ref, old.classification(),
                            shape.classification()));
                }
            }
        });
        before.fields.forEach((ref, shape) -> {
            if (!fields.containsKey(ref)) {
                changes.add(new SchemaChange(SchemaChange.Kind.FIELD_REMOVED, ref, shape.type(), ""));
            }
        });
        if (changes.isEmpty()) {
            changes.add(new SchemaChange(SchemaChange.Kind.DESCRIPTION_CHANGED, productId, "", ""));
        }
        return changes;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
