package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.ProductId;
import io.meshcatalog.graph.openlineage.OpenLineageNames;

/**
 * The starting point of a lineage or impact question: a product, a dataset or a field. Datasets and
 * fields known only from OpenLineage are named {@code <namespace>/<name>} and
 * {@code <namespace>/<name>.<field>}.
 */
public record NodeRef(NodeKind kind, String id) {

    public NodeRef {
        switch (kind) {
            case PRODUCT -> new ProductId(id);
            case DATASET -> {
                if (!isOpenLineageKey(id)) {
                    new DatasetId(id);
                }
            }
            case FIELD -> {
                if (!isOpenLineageKey(id) || id.lastIndexOf('.') < id.indexOf('/')) {
                    new FieldRef(id);
                }
            }
            case CONSUMER -> throw new IllegalArgumentException("lineage starts at a product, dataset or field");
        }
    }

    private static boolean isOpenLineageKey(String id) {
        return OpenLineageNames.isKey(id);
    }

    public static NodeRef product(String id) {
        return new NodeRef(NodeKind.PRODUCT, id);
    }

    public static NodeRef dataset(String id) {
        return new NodeRef(NodeKind.DATASET, id);
    }

    public static NodeRef field(String id) {
        return new NodeRef(NodeKind.FIELD, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
