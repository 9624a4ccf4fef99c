package io.meshcatalog.gateway.catalog;

import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.lineage.DatasetView;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.ProductView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The datasets and products one query reads from the store, each read once however many of its fields ask for it: a
 * field's {@code product} and its {@code owners} both need the field's dataset and its product, four statements where
 * two answer. Kept in the operation's GraphQL context ({@link CatalogSubgraph}), for one caller. A mutation reads the
 * store every time: its fields run one after the other and change what the next ones read.
 */
final class OperationReads {

    private final Map<String, Optional<DatasetView>> datasets = new ConcurrentHashMap<>();
    private final Map<String, Optional<ProductView>> products = new ConcurrentHashMap<>();

    /** The dataset as the operation's caller sees it, if it may. */
    static Optional<DatasetView> dataset(DataFetchingEnvironment env, LineageStore store, String id) {
        OperationReads reads = of(env);
        return reads == null
                ? store.dataset(CatalogAccess.viewer(env), id)
                : reads.datasets.computeIfAbsent(id, key -> store.dataset(CatalogAccess.viewer(env), key));
    }

    /** The product as the operation's caller sees it, if it may. */
    static Optional<ProductView> product(DataFetchingEnvironment env, LineageStore store, String id) {
        OperationReads reads = of(env);
        return reads == null
                ? store.product(CatalogAccess.viewer(env), id)
                : reads.products.computeIfAbsent(id, key -> store.product(CatalogAccess.viewer(env), key));
    }

    private static @Nullable OperationReads of(DataFetchingEnvironment env) {
        OperationDefinition operation = env.getOperationDefinition();
        return operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY
                ? env.getGraphQlContext().get(OperationReads.class)
                : null;
    }
}
