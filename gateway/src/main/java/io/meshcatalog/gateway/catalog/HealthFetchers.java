package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.health.Health;
import io.meshcatalog.graph.lineage.Direction;
import io.meshcatalog.graph.lineage.LineageNode;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Health of datasets and products, judged when asked ({@code health} on DataProduct, Dataset and LineageNode), and
 * what upstream puts one at risk ({@code upstreamIssues}). One request's health reads are batched: a list of 50
 * products reads the graph once per level, not 50 times.
 */
final class HealthFetchers {

    private final LineageStore store;
    private final CatalogLimits limits;
    private final NodeBatch<Health> batch;

    HealthFetchers(LineageStore store, CatalogLimits limits) {
        this.store = store;
        this.limits = limits;
        this.batch = new NodeBatch<>("health", store::health);
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type(
                        "DataProduct",
                        type -> type.dataFetcher("health", env -> health(env, CatalogFetchers.self(env)))
                                .dataFetcher("upstreamIssues", this::upstreamIssues))
                .type(
                        "Dataset",
                        type -> type.dataFetcher("health", env -> health(env, CatalogFetchers.self(env)))
                                .dataFetcher("upstreamIssues", this::upstreamIssues))
                .type("LineageNode", type -> type.dataFetcher("health", env -> health(env, lineageNode(env))));
    }

    /** This request's batch of health reads, for its viewer. */
    DataLoaderRegistry registry(Viewer viewer) {
        return batch.registry(viewer);
    }

    private CompletableFuture<@Nullable Map<String, @Nullable Object>> health(
            DataFetchingEnvironment env, @Nullable NodeRef node) {
        return batch.load(env, node, HealthFetchers::view);
    }

    /** The upstream datasets and products that are FAILING or LATE, nearest first. */
    private List<Map<String, Object>> upstreamIssues(DataFetchingEnvironment env) {
        Viewer viewer = CatalogAccess.viewer(env);
        List<LineageNode> upstream = store
                .lineage(
                        viewer,
                        CatalogFetchers.self(env),
                        Direction.UPSTREAM,
                        limits.depth("depth", env.getArgument("depth")))
                .nodes()
                .stream()
                .filter(n -> n.kind() == NodeKind.DATASET || n.kind() == NodeKind.PRODUCT)
                .toList();
        Map<NodeRef, Health> health = store.health(
                viewer,
                upstream.stream().map(n -> new NodeRef(n.kind(), n.id())).toList());
        return upstream.stream()
                .filter(n -> {
                    Health h = health.get(new NodeRef(n.kind(), n.id()));
                    return h != null && h.troubled();
                })
                .map(CatalogViews::node)
                .toList();
    }

    private static Map<String, @Nullable Object> view(Health health) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("status", health.status().name());
        out.put("reason", health.reason());
        out.put("dataset", health.dataset());
        out.put(
                "lastWriteAt",
                health.lastCompleteAt() == null ? null : health.lastCompleteAt().toString());
        out.put("dueBy", health.dueBy() == null ? null : health.dueBy().toString());
        out.put("checkedAt", health.checkedAt().toString());
        return out;
    }

    private static @Nullable NodeRef lineageNode(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        NodeKind kind = NodeKind.valueOf(String.valueOf(source.get("kind")));
        return kind == NodeKind.DATASET || kind == NodeKind.PRODUCT
                ? new NodeRef(kind, String.valueOf(source.get("id")))
                : null;
    }
}
