package io.meshcatalog.gateway.planning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import org.jspecify.annotations.Nullable;

/**
 * Plans by (document text, operation name). Plans do not depend on variable values ({@code @skip}
 * and {@code @include} on variables become {@link PlanNode.Condition}s), so one plan serves every
 * request with the same document. One cache per supergraph: a new supergraph starts empty.
 */
public final class PlanCache {

  private final QueryPlanner planner;
  private final Cache<Key, QueryPlan> plans;

  /** @param maxEntries how many plans it keeps; the least recently used goes first */
  public PlanCache(QueryPlanner planner, int maxEntries) {
    this.planner = planner;
    this.plans = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /** The plan of a document seen before, or null. */
  public @Nullable QueryPlan cached(String documentText, @Nullable String operationName) {
    return plans.getIfPresent(new Key(documentText, operationName));
  }

  /** The cached plan, planned now on a miss. */
  public QueryPlan plan(String documentText, Document document, @Nullable String operationName) {
    return plans.get(new Key(documentText, operationName), key -> planner.plan(document, operationName));
  }

  private record Key(String document, @Nullable String operationName) {
  }
}
