package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.Lifecycle;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where a product, dataset or field is in its life ({@code lifecycle} on DataProduct, Dataset, CatalogField and
 * LineageNode): active, deprecated with its sunset, or retired with when and by what. One request's reads are
 * batched, so an impact of 10,000 nodes asking for it reads the graph once per level, not 10,000 times.
 */
final class LifecycleFetchers {

    private static final String FIELD = "lifecycle";

    private final NodeBatch<Lifecycle> batch;

    LifecycleFetchers(LineageStore store) {
        this.batch = new NodeBatch<>("lifecycle", store::lifecycle);
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("DataProduct", type -> type.dataFetcher(FIELD, env -> lifecycle(env, CatalogFetchers.self(env))))
                .type("Dataset", type -> type.dataFetcher(FIELD, env -> lifecycle(env, CatalogFetchers.self(env))))
                .type(
                        "CatalogField",
                        type -> type.dataFetcher(
                                FIELD,
                                env -> lifecycle(
                                        env,
                                        NodeRef.field(String.valueOf(source(env).get("ref"))))))
                .type("LineageNode", type -> type.dataFetcher(FIELD, env -> lifecycle(env, lineageNode(env))));
    }

    /** This request's batch of life-cycle reads, for its viewer. */
    DataLoaderRegistry registry(Viewer viewer) {
        return batch.registry(viewer);
    }

    private CompletableFuture<@Nullable Map<String, @Nullable Object>> lifecycle(
            DataFetchingEnvironment env, @Nullable NodeRef node) {
        return batch.load(env, node, LifecycleFetchers::view);
    }

    static Map<String, @Nullable Object> view(Lifecycle lifecycle) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("status", lifecycle.status().name());
        out.put(
                "retiredAt",
                lifecycle.retiredAt() == null ? null : lifecycle.retiredAt().toString());
        out.put("retiredBy", lifecycle.retiredBy());
        out.put("sunset", lifecycle.sunset() == null ? null : lifecycle.sunset().toString());
        return out;
    }

    private static Map<String, Object> source(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static @Nullable NodeRef lineageNode(DataFetchingEnvironment env) {
        Map<String, Object> source = source(env);
        NodeKind kind = NodeKind.valueOf(String.valueOf(source.get("kind")));
        return kind == NodeKind.CONSUMER ? null : new NodeRef(kind, String.valueOf(source.get("id")));
    }
}
