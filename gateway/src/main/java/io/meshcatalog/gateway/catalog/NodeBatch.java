package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.NodeRef;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A value read per node for one request, batched: every node a level of the answer asks about is read in one call of
 * {@code read} (a list of 10,000 lineage nodes asking for their health is one statement, not 10,000).
 *
 * @param name the data loader's name in the request's registry
 * @param read reads the values of many nodes as a viewer sees them; a node without one is left out
 */
record NodeBatch<V>(String name, BiFunction<Viewer, Collection<NodeRef>, Map<NodeRef, V>> read) {

    /** This request's loader, for its viewer. */
    DataLoaderRegistry registry(Viewer viewer) {
        DataLoader<NodeRef, V> loader = DataLoaderFactory.newMappedDataLoader(
                nodes -> CompletableFuture.completedFuture(read.apply(viewer, nodes)));
        return DataLoaderRegistry.newRegistry().register(name, loader).build();
    }

    /** {@code node}'s value as {@code view} shows it, read with the rest of its level; null without a node or a value. */
    CompletableFuture<@Nullable Map<String, @Nullable Object>> load(
            DataFetchingEnvironment env, @Nullable NodeRef node, Function<V, Map<String, @Nullable Object>> view) {
        if (node == null) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<NodeRef, V> loader = env.getDataLoader(name);
        if (loader == null) {
            throw new IllegalStateException("the catalog ran an operation without its " + name + " loader");
        }
        return loader.load(node).thenApply(value -> value == null ? null : view.apply(value));
    }
}
