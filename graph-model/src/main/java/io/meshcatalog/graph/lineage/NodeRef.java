package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.ProductId;

/** The starting point of a lineage or impact question: a product, a dataset or a field. */
public record NodeRef(NodeKind kind, String id) {

    public NodeRef {
        switch (kind) {
            case PRODUCT -> new ProductId(id);
            case DATASET -> new DatasetId(id);
            case FIELD -> new FieldRef(id);
            case CONSUMER -> throw new IllegalArgumentException("lineage starts at a product, dataset or field");
        }
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
