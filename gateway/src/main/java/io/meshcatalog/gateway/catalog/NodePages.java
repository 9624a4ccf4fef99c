package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A lineage or impact answer's nodes a page at a time ({@code nodePage(first, after)}), in the order of its
 * {@code nodes}: nearest first. The answer is the one the resolver already holds, so asking a page of it costs no
 * statement of its own, and its nodes are the maps {@link CatalogViews} made for {@code nodes}.
 */
final class NodePages {

  /**
   * The largest page: its estimated cost (each node 5, its edge 1) stays within the default {@code max-cost} (5,000),
   * so any caller may ask for it.
   */
  static final int MAX_FIRST = 500;

  private NodePages() {
  }

  /** {@code nodePage} of the {@code ImpactResult} or {@code LineageResult} the environment's source is. */
  static Map<String, Object> page(DataFetchingEnvironment env) {
    int first = CatalogLimits.first(env.getArgument("first"), 100, MAX_FIRST);
    int from = Cursor.nodeOffsetAfter(env.getArgument("after"));
    Map<?, ?> answer = Objects.requireNonNull(env.getSource());
    List<?> nodes = (List<?>) Objects.requireNonNull(answer.get("nodes"));
    int to = (int) Math.min((long) from + first, nodes.size());
    List<Map<String, Object>> edges = new ArrayList<>();
    for (int i = from; i < to; i++) {
      edges.add(Map.of("cursor", Cursor.ofNode(i), "node", nodes.get(i)));
    }
    Map<String, @Nullable Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", to < nodes.size());
    pageInfo.put("endCursor", to > from ? Cursor.ofNode(to - 1) : null);
    return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", nodes.size());
  }
}
