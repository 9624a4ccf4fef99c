package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A lineage or impact answer's large lists a page at a time, in their own order: {@code nodePage(first, after)} of
 * its {@code nodes} (nearest first) and {@code ownerPage(first, after)} of its {@code ownersToNotify}. The answer is
 * the one the resolver already holds, so asking a page of it costs no statement of its own, and its items are the
 * maps {@link CatalogViews} made for the whole lists.
 */
final class AnswerPages {

    /**
     * The largest page of nodes: its estimated cost (each node 5, its edge 1) stays within the default {@code max-cost}
     * (5,000), so any caller may ask for it.
     */
    static final int MAX_NODES = 500;
    /** The largest page of teams, for the same reason: each team weighs its members too. */
    static final int MAX_OWNERS = 200;

    private AnswerPages() {}

    /** {@code nodePage} of the {@code ImpactResult} or {@code LineageResult} the environment's source is. */
    static Map<String, Object> nodes(DataFetchingEnvironment env) {
        return page(
                env,
                "nodes",
                CatalogLimits.first(env.getArgument("first"), 100, MAX_NODES),
                Cursor.nodeOffsetAfter(env.getArgument("after")),
                Cursor::ofNode);
    }

    /** {@code ownerPage} of the {@code ImpactResult} the environment's source is. */
    static Map<String, Object> owners(DataFetchingEnvironment env) {
        return page(
                env,
                "ownersToNotify",
                CatalogLimits.first(env.getArgument("first"), 50, MAX_OWNERS),
                Cursor.ownerOffsetAfter(env.getArgument("after")),
                Cursor::ofOwner);
    }

    private static Map<String, Object> page(
            DataFetchingEnvironment env, String list, int first, int from, IntFunction<String> cursor) {
        Map<?, ?> answer = Objects.requireNonNull(env.getSource());
        List<?> items = (List<?>) Objects.requireNonNull(answer.get(list));
        int to = (int) Math.min((long) from + first, items.size());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = from; i < to; i++) {
            edges.add(Map.of("cursor", cursor.apply(i), "node", items.get(i)));
        }
        Map<String, @Nullable Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", to < items.size());
        pageInfo.put("endCursor", to > from ? cursor.apply(to - 1) : null);
        return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", items.size());
    }
}
