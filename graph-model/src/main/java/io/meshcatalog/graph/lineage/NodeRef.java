package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.Ids;
import io.meshcatalog.graph.model.ProductId;
import io.meshcatalog.graph.openlineage.OpenLineageNames;

/**
 * The starting point of a lineage or impact question: a product, a dataset, a field or a consumer (whose lineage is
 * upstream: it feeds nothing). Datasets and
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
            case CONSUMER -> {
                if (id.length() > MAX_CONSUMER_ID || !Ids.isDotted(id)) {
                    throw new IllegalArgumentException("invalid consumer id '" + abbreviated(id)
                            + "': expected dotted lower-case names such as marketing.google_ads_audience");
                }
            }
        }
    }

    private static final int MAX_CONSUMER_ID = 255;

    private static String abbreviated(String id) {
        return id.length() <= 80 ? id : id.substring(0, 80) + "…";
    }

    public static NodeRef consumer(String id) {
        return new NodeRef(NodeKind.CONSUMER, id);
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
