package io.meshcatalog.gateway.planning;

import graphql.language.Document;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Plans by (document text, operation name). Plans do not depend on variable values ({@code @skip}
 * and {@code @include} on variables become {@link PlanNode.Condition}s), so one plan serves every
 * request with the same document. One cache per supergraph: a new supergraph starts empty.
 */
public final class PlanCache {

  private final QueryPlanner planner;
  private final int maxEntries;
  private final Map<Key, QueryPlan> plans = new ConcurrentHashMap<>();

  public PlanCache(QueryPlanner planner, int maxEntries) {
    this.planner = planner;
    this.maxEntries = maxEntries;
  }

  /** The cached plan, planned now on a miss. */
  public QueryPlan plan(String documentText, Document document, @Nullable String operationName) {
    Key key = new Key(documentText, operationName);
    QueryPlan cached = plans.get(key);
    if (cached != null) {
      return cached;
    }
    QueryPlan plan = planner.plan(document, operationName);
    if (plans.size() >= maxEntries) {
      plans.clear();
    }
    plans.put(key, plan);
    return plan;
  }

  private record Key(String document, @Nullable String operationName) {
  }
}
