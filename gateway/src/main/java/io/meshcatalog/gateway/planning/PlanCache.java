package io.meshcatalog.gateway.planning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Checks;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Denials;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Filtered;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Plans by (document text, operation name) and, for an operation that reads something Apollo's authorization
 * directives protect, by the requirements the caller is denied: two callers share a plan exactly when the filter
 * leaves them the same operation. Plans do not depend on variable values ({@code @skip} and {@code @include} on
 * variables become {@link PlanNode.Condition}s). An operation that reads nothing protected is looked up once, as
 * without directives. One cache per supergraph: a new supergraph starts empty.
 */
public final class PlanCache {

    /** Filtered plans kept per operation; a caller with yet other denials is filtered and planned on each request. */
    private static final int MAX_VARIANTS = 16;

    private final QueryPlanner planner;
    private final AuthorizationFilter filter;
    private final Cache<Key, Operation> operations;

    /**
     * @param filter applies the supergraph's authorization directives before planning
     * @param maxEntries how many operations it keeps; the least recently used goes first
     */
    public PlanCache(QueryPlanner planner, AuthorizationFilter filter, int maxEntries) {
        this.planner = planner;
        this.filter = filter;
        this.operations = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, "plans"))
                .build();
    }

    /** The caller's rights, as far as the policies an operation names go (the policy hook is asked about those only). */
    @FunctionalInterface
    public interface RightsSource {

        Rights rights(Set<String> policyNames);
    }

    /**
     * A plan with what the authorization filter did to the operation before it.
     *
     * @param plan the plan of the filtered operation; empty when nothing of it runs
     * @param authorization the filtered operation and what was removed
     */
    public record Planned(QueryPlan plan, Filtered authorization) {}

    /** The plan of a document seen before for a caller with these rights, or null. */
    public @Nullable Planned cached(String documentText, @Nullable String operationName, RightsSource rights) {
        Operation operation = operations.getIfPresent(new Key(documentText, operationName));
        return operation == null ? null : operation.variants.get(operation.denials(rights));
    }

    /** The cached plan, filtered and planned now on a miss. */
    public Planned plan(String documentText, Document document, @Nullable String operationName, RightsSource rights) {
        return plan(documentText, document, operationName, rights, PlanningBudget.UNLIMITED);
    }

    /**
     * The cached plan, filtered and planned now on a miss within {@code budget}; an abandoned plan is not kept.
     *
     * @throws PlanningAbandoned when the budget stops the plan
     */
    public Planned plan(
            String documentText,
            Document document,
            @Nullable String operationName,
            RightsSource rights,
            PlanningBudget budget) {
        Operation operation = operations.get(
                new Key(documentText, operationName), key -> new Operation(filter.checks(document, operationName)));
        Denials denials = operation.denials(rights);
        Planned planned = operation.variants.get(denials);
        if (planned != null) {
            return planned;
        }
        Filtered filtered = filter.filter(document, operationName, operation.checks, denials);
        planned = new Planned(
                filtered.runsNothing() ? new QueryPlan(null) : planner.plan(filtered.document(), operationName, budget),
                filtered);
        // Each combination of denials is a variant: a few are kept, the rest are planned per request.
        if (operation.variants.size() < MAX_VARIANTS) {
            operation.variants.putIfAbsent(denials, planned);
        }
        return planned;
    }

    private record Key(String document, @Nullable String operationName) {}

    /** One operation: the requirements it meets and its plans per set of denials (one set when it meets none). */
    private static final class Operation {

        private final Checks checks;
        private final Map<Denials, Planned> variants = new ConcurrentHashMap<>();

        Operation(Checks checks) {
            this.checks = checks;
        }

        Denials denials(RightsSource rights) {
            return checks.isEmpty() ? Denials.NONE : checks.denials(rights.rights(checks.policyNames()));
        }
    }
}
