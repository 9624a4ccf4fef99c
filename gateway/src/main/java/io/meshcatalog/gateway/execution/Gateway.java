package io.meshcatalog.gateway.execution;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanCache;
import io.meshcatalog.gateway.planning.PlanningBudget;
import io.meshcatalog.gateway.planning.QueryPlan;
import io.meshcatalog.gateway.planning.Rights;
import io.meshcatalog.gateway.planning.Variables;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The request pipeline: parse (cached), admit the operation (a mutation only where the request may run one, within the
 * limits: {@link OperationAdmission}), validate against the API schema (cached), remove what the caller may not read
 * (Apollo's authorization directives) and plan (cached per document and denials), execute the plan against the
 * subgraphs, then shape the merged data with graphql-java over the API schema (null propagation,
 * {@code @skip}/{@code @include}, fragments, {@code __typename}, introspection). The supergraph can be swapped while
 * serving; each request uses one snapshot.
 */
public final class Gateway {

    static final int PLAN_CACHE_SIZE = 2_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    private final PlanExecutor executor;
    private final Map<String, SubgraphSettings> settings;
    private final SubgraphSettings defaults;
    private final OperationLimits limits;
    private final PlanningLanes planning;
    private final PlanningSettings planningSettings;
    private final OverrideLabels overrideLabels;
    private final Authorization authorization;
    private final boolean deduplicateRequests;
    /** The client headers any subgraph is sent: what, beside the caller, can change an answer. */
    private final Set<String> forwarded;
    /** The undefined policies named in the log so far: each once, not again at every reload. */
    private final Set<String> namedUndefined = ConcurrentHashMap.newKeySet();

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /**
     * How the gateway runs requests, beyond where subgraphs are.
     *
     * @param limits the operation limits
     * @param planning where documents not seen before are parsed, validated and planned
     * @param overrideLabels which progressive-override labels each request runs with
     * @param authorization how Apollo's authorization directives apply
     * @param planningSettings each new plan's time budget and each caller's share of the planning threads
     * @param deduplicateRequests whether identical queries in flight together share one execution
     *     ({@link InFlightRequests})
     */
    public record Options(
            OperationLimits limits,
            Executor planning,
            OverrideLabels overrideLabels,
            Authorization authorization,
            PlanningSettings planningSettings,
            boolean deduplicateRequests) {

        /**
         * The authorization directives applied by default, with every policy denied; no planning budget; identical queries
         * in flight share executions.
         */
        public Options(OperationLimits limits, Executor planning, OverrideLabels overrideLabels) {
            this(limits, planning, overrideLabels, Authorization.DEFAULTS, PlanningSettings.UNBOUNDED, true);
        }

        /** No limits, planning on the caller's thread, percentages drawn and no custom override label. */
        public static Options defaults() {
            return new Options(OperationLimits.NONE, Runnable::run, OverrideLabels.drawn());
        }

        /** The same options with these authorization settings. */
        public Options with(Authorization settings) {
            return new Options(limits, planning, overrideLabels, settings, planningSettings, deduplicateRequests);
        }

        /** The same options with this planning budget and share per caller. */
        public Options with(PlanningSettings settings) {
            return new Options(limits, planning, overrideLabels, authorization, settings, deduplicateRequests);
        }

        /** The same options, identical queries in flight sharing one execution or not. */
        public Options deduplicatingRequests(boolean deduplicate) {
            return new Options(limits, planning, overrideLabels, authorization, planningSettings, deduplicate);
        }
    }

    /**
     * How Apollo's authorization directives ({@code @authenticated}, {@code @requiresScopes}, {@code @policy}) apply.
     *
     * @param filter dry run or reject, as the router's options
     * @param policies decides the policies a caller satisfies
     */
    public record Authorization(AuthorizationFilter.Options filter, PolicyHook policies) {

        /** Remove what is denied, run the rest; no policy is satisfied. */
        public static final Authorization DEFAULTS =
                new Authorization(AuthorizationFilter.Options.DEFAULTS, PolicyHook.DENY_ALL);
    }

    public Gateway(
            Supergraph supergraph,
            Map<String, SubgraphSettings> settings,
            SubgraphSettings defaults,
            PlanExecutor executor,
            Options options) {
        this.executor = executor;
        this.settings = Map.copyOf(settings);
        this.defaults = defaults;
        this.limits = options.limits();
        this.planning =
                new PlanningLanes(options.planning(), options.planningSettings().perCaller());
        this.planningSettings = options.planningSettings();
        this.overrideLabels = options.overrideLabels();
        this.authorization = options.authorization();
        this.deduplicateRequests = options.deduplicateRequests();
        Set<String> forwardedHeaders = new HashSet<>(defaults.forward());
        settings.values().forEach(subgraph -> forwardedHeaders.addAll(subgraph.forward()));
        this.forwarded = Set.copyOf(forwardedHeaders);
        use(supergraph);
    }

    /** Serves a new supergraph from the next request on; requests in flight finish on the old one. */
    public void use(Supergraph supergraph) {
        Set<String> undefined =
                new java.util.LinkedHashSet<>(authorization.policies().undefined(supergraph.policyNames()));
        undefined.removeIf(name -> !namedUndefined.add(name));
        if (!undefined.isEmpty()) {
            LOG.warn(
                    "The supergraph's @policy names {} policies no gateway.authorization.policies entry defines: they are "
                            + "denied to every caller",
                    undefined);
        }
        DocumentCache documents =
                new DocumentCache("documents", supergraph.apiSchema(), PLAN_CACHE_SIZE, limits.gatewayWide());
        current.set(new Snapshot(
                supergraph,
                new AuthorizationFilter(supergraph, authorization.filter()),
                supergraph.overrideLabels(),
                new ConcurrentHashMap<>(),
                GraphQL.newGraphQL(supergraph.apiSchema())
                        .preparsedDocumentProvider(documents)
                        // Shaping only reads merged data: a mutation's fields were already run, in order, by the plan.
                        .queryExecutionStrategy(new ShapingStrategy())
                        .mutationExecutionStrategy(new ShapingStrategy())
                        .build(),
                new SubgraphRegistry(supergraph, settings, defaults),
                documents,
                new ResponseShaper(supergraph.apiSchema(), PLAN_CACHE_SIZE),
                new OperationAdmission(supergraph.apiSchema(), CostModel.of(supergraph.sdl()), limits),
                new InFlightRequests(deduplicateRequests, forwarded)));
    }

    /** The supergraph being served. */
    public Supergraph supergraph() {
        return current.get().supergraph();
    }

    /** Where and how the subgraphs of the supergraph being served are reached. */
    public SubgraphRegistry subgraphs() {
        return current.get().registry();
    }

    /**
     * Runs one request; never fails the future: every problem becomes a GraphQL error. A document seen before
     * is planned from the caches on the caller's thread; a new one is parsed, validated and planned on the
     * planning executor, so a large or hostile document never holds an event loop.
     */
    public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
        Snapshot snapshot = current.get();
        PlanCache plans = snapshot.plans(overrideLabels.choose(snapshot.overrideLabels()));
        PlanCache.RightsSource rights = rights(request.context());
        Snapshot.Prepared cached = snapshot.cached(request, plans, rights);
        if (cached != null) {
            return run(snapshot, request, cached);
        }
        CompletableFuture<Snapshot.Prepared> prepared;
        try {
            prepared = planning.submit(
                    laneOf(request.context()), () -> snapshot.prepare(request, plans, rights, budget(request)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return done(
                    withNullData(messages(List.of("the gateway is too busy to plan a new operation now; try again"))));
        } catch (PlanningLanes.Full e) {
            return CompletableFuture.completedFuture(GatewayResponse.refusedWith(
                    List.of(new LimitRefusal("TOO_MANY_PLANS_PER_CALLER", e.getMessage()).toSpecification()),
                    GatewayResponse.Kind.REFUSED));
        }
        return prepared.thenCompose(ready -> run(snapshot, request, ready));
    }

    /** Whose share of the planning threads a request uses: its subject, or for anonymous callers their address. */
    private static String laneOf(RequestContext context) {
        String subject = context.caller().subject();
        return subject.isEmpty() ? "anonymous client " + context.source() : subject;
    }

    /** The budget of a plan starting now: {@code gateway.limits.planning-timeout}, and the client still there. */
    private PlanningBudget budget(GatewayRequest request) {
        return PlanningBudget.until(
                planningSettings.timeout(),
                LimitSettings.PREFIX + "planning-timeout",
                request.clientGone(),
                System::nanoTime);
    }

    /** The caller's rights as the authorization directives ask them, the policy hook asked only when needed. */
    private PlanCache.RightsSource rights(RequestContext context) {
        Caller caller = context.caller();
        return policyNames -> new Rights(
                caller.authenticated(),
                caller.scopes(),
                policyNames.isEmpty() ? Set.of() : authorization.policies().satisfied(context, policyNames));
    }

    private CompletableFuture<GatewayResponse> run(
            Snapshot snapshot, GatewayRequest request, Snapshot.Prepared prepared) {
        if (prepared.refusal() != null) {
            return CompletableFuture.completedFuture(prepared.refusal());
        }
        OperationDefinition selected = Operations.select(prepared.document(), request.operationName());
        GatewayResponse.Operation operation = GatewayResponse.Operation.of(selected);
        return snapshot.requests()
                .run(
                        request,
                        selected.getOperation(),
                        prepared.planned(),
                        () -> runPlanned(snapshot, request, prepared))
                .thenApply(response -> response.about(operation));
    }

    private CompletableFuture<GatewayResponse> runPlanned(
            Snapshot snapshot, GatewayRequest request, Snapshot.Prepared prepared) {
        Document document = prepared.document();
        QueryPlan plan = prepared.planned().plan();
        AuthorizationFilter.Filtered filtered = prepared.planned().authorization();
        // Bad variables stop the operation before any subgraph sees it.
        List<GraphQLError> badVariables = snapshot.coerceVariables(document, request);
        if (!badVariables.isEmpty()) {
            return CompletableFuture.completedFuture(GatewayResponse.refused(badVariables));
        }
        if (filtered.runsNothing()) {
            Map<String, Object> response = Unauthorized.response(filtered);
            if (request.includePlan()) {
                response.put("extensions", Map.of("queryPlan", plan.print()));
            }
            return done(response);
        }
        Map<String, @Nullable Object> variables =
                Variables.withDefaults(document, request.operationName(), request.variables());
        return executor.execute(plan.node(), variables, snapshot.registry(), request.context())
                .thenCompose(outcome -> shape(
                                snapshot,
                                request,
                                document,
                                variables,
                                Unauthorized.reduced(
                                        snapshot.supergraph().apiSchema(),
                                        document,
                                        filtered,
                                        request.operationName(),
                                        outcome))
                        .thenApply(
                                shaped -> GatewayResponse.executed(response(shaped, outcome, plan, request, filtered))))
                .exceptionally(failure -> GatewayResponse.executed(messages(List.of(Incidents.told(
                        "the gateway failed to execute " + "this operation",
                        Incidents.logged(LOG, "Cannot execute operation " + request.operationName(), failure))))));
    }

    /** The merged data shaped over the operation: by the {@link ResponseShaper} when it can, else by graphql-java. */
    private static CompletableFuture<ExecutionResult> shape(
            Snapshot snapshot,
            GatewayRequest request,
            Document document,
            Map<String, @Nullable Object> variables,
            PlanExecutor.Outcome outcome) {
        Map<String, @Nullable Object> data =
                snapshot.shaper().shape(request.query(), document, request.operationName(), variables, outcome.data());
        return data != null
                ? CompletableFuture.completedFuture(
                        ExecutionResult.newExecutionResult().data(data).build())
                : snapshot.graphql().executeAsync(input(request, outcome.data()));
    }

    private static ExecutionInput input(GatewayRequest request, @Nullable Map<String, @Nullable Object> root) {
        ExecutionInput.Builder builder = ExecutionInput.newExecutionInput(request.query())
                .variables(request.variables())
                .graphQLContext(Map.of(
                        RequestContext.class,
                        request.context(),
                        // Abusive introspection is for OperationLimits to judge, with the rest of the limits.
                        GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED,
                        true));
        if (request.operationName() != null) {
            builder.operationName(request.operationName());
        }
        if (root != null) {
            builder.root(root);
        }
        return builder.build();
    }

    private static Map<String, Object> response(
            ExecutionResult shaped,
            PlanExecutor.Outcome outcome,
            QueryPlan plan,
            GatewayRequest request,
            AuthorizationFilter.Filtered filtered) {
        Map<String, Object> response = new LinkedHashMap<>();
        List<Map<String, Object>> errors = new ArrayList<>(Unauthorized.errors(filtered));
        errors.addAll(outcome.errors());
        boolean nullsExplained = !errors.isEmpty();
        for (GraphQLError error : shaped.getErrors()) {
            // A null that a subgraph failure or a removed field caused is already explained by that error.
            if (error instanceof NonNullableFieldWasNullError && nullsExplained) {
                continue;
            }
            errors.add(error.toSpecification());
        }
        if (!errors.isEmpty()) {
            response.put("errors", errors);
        }
        response.put("data", shaped.getData());
        if (request.includePlan()) {
            response.put("extensions", Map.of("queryPlan", plan.print()));
        }
        return response;
    }

    static Map<String, Object> messages(List<String> messages) {
        List<Map<String, Object>> list = new ArrayList<>();
        messages.forEach(m -> list.add(Map.of("message", m)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("errors", list);
        return response;
    }

    /** A valid operation that cannot run: execution started in the client's eyes, so data is null. */
    static Map<String, Object> withNullData(Map<String, Object> response) {
        response.put("data", null);
        return response;
    }

    private static CompletableFuture<GatewayResponse> done(Map<String, Object> response) {
        return CompletableFuture.completedFuture(GatewayResponse.executed(response));
    }
}
