package io.meshcatalog.gateway.execution;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.VariableDefinition;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import io.meshcatalog.gateway.observability.Tracing;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanCache;
import io.meshcatalog.gateway.planning.PlanningAbandoned;
import io.meshcatalog.gateway.planning.PlanningBudget;
import io.meshcatalog.gateway.planning.PlanningException;
import io.meshcatalog.gateway.planning.QueryPlan;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.planning.Rights;
import io.meshcatalog.gateway.planning.Variables;
import io.meshcatalog.gateway.supergraph.OverrideLabel;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  private static final int PLAN_CACHE_SIZE = 2_000;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

  private final PlanExecutor executor;
  private final Map<String, SubgraphSettings> settings;
  private final SubgraphSettings defaults;
  private final OperationLimits limits;
  private final PlanningLanes planning;
  private final PlanningSettings planningSettings;
  private final OverrideLabels overrideLabels;
  private final Authorization authorization;
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
   */
  public record Options(OperationLimits limits, Executor planning, OverrideLabels overrideLabels,
      Authorization authorization, PlanningSettings planningSettings) {

    /** The authorization directives applied by default, with every policy denied; no planning budget. */
    public Options(OperationLimits limits, Executor planning, OverrideLabels overrideLabels) {
      this(limits, planning, overrideLabels, Authorization.DEFAULTS, PlanningSettings.UNBOUNDED);
    }

    /** No limits, planning on the caller's thread, percentages drawn and no custom override label. */
    public static Options defaults() {
      return new Options(OperationLimits.NONE, Runnable::run, OverrideLabels.drawn());
    }

    /** The same options with these authorization settings. */
    public Options with(Authorization settings) {
      return new Options(limits, planning, overrideLabels, settings, planningSettings);
    }

    /** The same options with this planning budget and share per caller. */
    public Options with(PlanningSettings settings) {
      return new Options(limits, planning, overrideLabels, authorization, settings);
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
    public static final Authorization DEFAULTS = new Authorization(AuthorizationFilter.Options.DEFAULTS, PolicyHook.DENY_ALL);
  }

  public Gateway(Supergraph supergraph, Map<String, SubgraphSettings> settings, SubgraphSettings defaults,
      PlanExecutor executor, Options options) {
    this.executor = executor;
    this.settings = Map.copyOf(settings);
    this.defaults = defaults;
    this.limits = options.limits();
    this.planning = new PlanningLanes(options.planning(), options.planningSettings().perCaller());
    this.planningSettings = options.planningSettings();
    this.overrideLabels = options.overrideLabels();
    this.authorization = options.authorization();
    use(supergraph);
  }

  /** Serves a new supergraph from the next request on; requests in flight finish on the old one. */
  public void use(Supergraph supergraph) {
    Set<String> undefined = new java.util.LinkedHashSet<>(authorization.policies().undefined(supergraph.policyNames()));
    undefined.removeIf(name -> !namedUndefined.add(name));
    if (!undefined.isEmpty()) {
      LOG.warn("The supergraph's @policy names {} policies no gateway.authorization.policies entry defines: they are "
          + "denied to every caller", undefined);
    }
    DocumentCache documents = new DocumentCache("documents", supergraph.apiSchema(), PLAN_CACHE_SIZE, limits.gatewayWide());
    current.set(new Snapshot(supergraph, new AuthorizationFilter(supergraph, authorization.filter()),
        supergraph.overrideLabels(), new ConcurrentHashMap<>(),
        GraphQL.newGraphQL(supergraph.apiSchema()).preparsedDocumentProvider(documents)
            // Shaping only reads merged data: a mutation's fields were already run, in order, by the plan.
            .queryExecutionStrategy(new ShapingStrategy()).mutationExecutionStrategy(new ShapingStrategy()).build(),
        new SubgraphRegistry(supergraph, settings, defaults), documents,
        new ResponseShaper(supergraph.apiSchema(), PLAN_CACHE_SIZE),
        new OperationAdmission(supergraph.apiSchema(), CostModel.of(supergraph.sdl()), limits)));
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
    Prepared cached = snapshot.cached(request, plans, rights);
    if (cached != null) {
      return run(snapshot, request, cached);
    }
    CompletableFuture<Prepared> prepared;
    try {
      prepared = planning.submit(laneOf(request.context()),
          () -> snapshot.prepare(request, plans, rights, budget(request)));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return done(withNullData(messages(List.of("the gateway is too busy to plan a new operation now; try again"))));
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
    return PlanningBudget.until(planningSettings.timeout(), LimitSettings.PREFIX + "planning-timeout",
        request.clientGone(), System::nanoTime);
  }

  /** The caller's rights as the authorization directives ask them, the policy hook asked only when needed. */
  private PlanCache.RightsSource rights(RequestContext context) {
    Caller caller = context.caller();
    return policyNames -> new Rights(caller.authenticated(), caller.scopes(),
        policyNames.isEmpty() ? Set.of() : authorization.policies().satisfied(context, policyNames));
  }

  private CompletableFuture<GatewayResponse> run(Snapshot snapshot, GatewayRequest request, Prepared prepared) {
    if (prepared.refusal() != null) {
      return CompletableFuture.completedFuture(prepared.refusal());
    }
    GatewayResponse.Operation operation = GatewayResponse.Operation.of(
        Operations.select(prepared.document(), request.operationName()));
    return runPlanned(snapshot, request, prepared).thenApply(response -> response.about(operation));
  }

  private CompletableFuture<GatewayResponse> runPlanned(Snapshot snapshot, GatewayRequest request, Prepared prepared) {
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
    Map<String, @Nullable Object> variables = Variables.withDefaults(document, request.operationName(), request.variables());
    return executor.execute(plan.node(), variables, snapshot.registry(), request.context())
        .thenCompose(outcome -> shape(snapshot, request, document, variables,
                Unauthorized.reduced(snapshot.supergraph().apiSchema(), document, filtered, request.operationName(), outcome))
            .thenApply(shaped -> GatewayResponse.executed(response(shaped, outcome, plan, request, filtered))))
        .exceptionally(failure -> GatewayResponse.executed(messages(List.of(Incidents.told("the gateway failed to execute "
            + "this operation", Incidents.logged(LOG, "Cannot execute operation " + request.operationName(), failure))))));
  }

  /** The merged data shaped over the operation: by the {@link ResponseShaper} when it can, else by graphql-java. */
  private static CompletableFuture<ExecutionResult> shape(Snapshot snapshot, GatewayRequest request, Document document,
      Map<String, @Nullable Object> variables, PlanExecutor.Outcome outcome) {
    Map<String, @Nullable Object> data = snapshot.shaper().shape(request.query(), document, request.operationName(),
        variables, outcome.data());
    return data != null ? CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().data(data).build())
        : snapshot.graphql().executeAsync(input(request, outcome.data()));
  }

  private static ExecutionInput input(GatewayRequest request, @Nullable Map<String, @Nullable Object> root) {
    ExecutionInput.Builder builder = ExecutionInput.newExecutionInput(request.query())
        .variables(request.variables())
        .graphQLContext(Map.of(RequestContext.class, request.context(),
            // Abusive introspection is for OperationLimits to judge, with the rest of the limits.
            GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true));
    if (request.operationName() != null) {
      builder.operationName(request.operationName());
    }
    if (root != null) {
      builder.root(root);
    }
    return builder.build();
  }

  private static Map<String, Object> response(ExecutionResult shaped, PlanExecutor.Outcome outcome, QueryPlan plan,
      GatewayRequest request, AuthorizationFilter.Filtered filtered) {
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

  private static Map<String, Object> messages(List<String> messages) {
    List<Map<String, Object>> list = new ArrayList<>();
    messages.forEach(m -> list.add(Map.of("message", m)));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("errors", list);
    return response;
  }

  /** A valid operation that cannot run: execution started in the client's eyes, so data is null. */
  private static Map<String, Object> withNullData(Map<String, Object> response) {
    response.put("data", null);
    return response;
  }

  private static CompletableFuture<GatewayResponse> done(Map<String, Object> response) {
    return CompletableFuture.completedFuture(GatewayResponse.executed(response));
  }

  /** What a document needs before it runs: its parse and plan (for this caller), or the response that refuses it. */
  private record Prepared(Document document, PlanCache.Planned planned, @Nullable GatewayResponse refusal) {

    static Prepared refused(GatewayResponse response) {
      Document none = Document.newDocument().build();
      return new Prepared(none, new PlanCache.Planned(new QueryPlan(null), AuthorizationFilter.Filtered.unchanged(none)),
          response);
    }
  }

  /**
   * One supergraph as served: its plans per set of enabled override labels (one set when it uses no
   * progressive override).
   */
  private record Snapshot(Supergraph supergraph, AuthorizationFilter filter, Set<OverrideLabel> overrideLabels,
      Map<Set<String>, PlanCache> plansByLabels, GraphQL graphql, SubgraphRegistry registry, DocumentCache documents,
      ResponseShaper shaper, OperationAdmission admission) {

    /** The plans of requests with these override labels enabled. */
    PlanCache plans(Set<String> enabledLabels) {
      return plansByLabels.computeIfAbsent(enabledLabels, labels -> new PlanCache(
          new QueryPlanner(supergraph.withOverrideLabels(labels)), filter, PLAN_CACHE_SIZE));
    }

    /** The parse and plan of a document validated and planned before, admitted again for this request; else null. */
    @Nullable Prepared cached(GatewayRequest request, PlanCache plans, PlanCache.RightsSource rights) {
      PreparsedDocumentEntry parsed = documents.cached(request.query());
      if (parsed == null || parsed.hasErrors()) {
        return null;
      }
      PlanCache.Planned planned = plans.cached(request.query(), request.operationName(), rights);
      return planned == null ? null : new Prepared(parsed.getDocument(), planned, admit(parsed.getDocument(), request));
    }

    /**
     * Parses, admits, validates and plans: an operation that is not admitted is neither validated nor planned (a
     * document of a few kilobytes can keep graphql-java's validation busy for minutes, and the planner longer).
     */
    Prepared prepare(GatewayRequest request, PlanCache plans, PlanCache.RightsSource rights, PlanningBudget budget) {
      PlanningAbandoned before = budget.exhausted();
      if (before != null) {
        return Prepared.refused(abandoned(before));
      }
      Context trace = request.context().trace();
      DocumentCache.Parsed parsed = Tracing.step("graphql.parse", trace, () -> documents.parse(request.query()));
      if (parsed.failed()) {
        return Prepared.refused(GatewayResponse.refused(parsed.errors()));
      }
      Document document = parsed.document();
      GatewayResponse refusal = admit(document, request);
      if (refusal != null) {
        return Prepared.refused(refusal);
      }
      PreparsedDocumentEntry validated = Tracing.step("graphql.validate", trace, () -> documents.validate(parsed));
      if (validated.hasErrors()) {
        return Prepared.refused(GatewayResponse.refused(validated.getErrors()));
      }
      try {
        return new Prepared(document, Tracing.step("graphql.plan", trace,
            () -> plans.plan(request.query(), document, request.operationName(), rights, budget)), null);
      } catch (PlanningAbandoned e) {
        LOG.info("Planning of operation {} for {} abandoned: {}", request.operationName(),
            request.context().caller().name(), e.getMessage());
        return Prepared.refused(abandoned(e));
      } catch (PlanningException e) {
        return Prepared.refused(GatewayResponse.executed(withNullData(messages(List.of(e.getMessage())))));
      } catch (RuntimeException e) {
        // A planner bug must cost this request only, and say so.
        String id = Incidents.logged(LOG, "Cannot plan operation " + request.operationName(), e);
        return Prepared.refused(GatewayResponse.executed(
            withNullData(messages(List.of(Incidents.told("the gateway could not plan this operation", id))))));
      }
    }

    private static GatewayResponse abandoned(PlanningAbandoned e) {
      return GatewayResponse.refusedWith(List.of(new LimitRefusal(e.code(), e.getMessage()).toSpecification()),
          GatewayResponse.Kind.REFUSED);
    }

    /** Why this request may not run the operation it selected from the document; null when it may. */
    @Nullable GatewayResponse admit(Document document, GatewayRequest request) {
      return admission.refusal(document, request.operationName(), request.variables(), request.mutationsAllowed(),
          request.context());
    }

    /** The variables' problems against the operation's definitions, as graphql-java coerces them; empty when none. */
    List<GraphQLError> coerceVariables(Document document, GatewayRequest request) {
      // The plan chose this operation already: the document has it.
      List<VariableDefinition> definitions = Operations.select(document, request.operationName()).getVariableDefinitions();
      if (definitions.isEmpty()) {
        return List.of();
      }
      try {
        ValuesResolver.coerceVariableValues(supergraph.apiSchema(), definitions, RawVariables.of(request.variables()),
            GraphQLContext.getDefault(), Locale.ROOT);
        return List.of();
      } catch (RuntimeException e) {
        if (e instanceof GraphQLError error) {
          return List.of(error);
        }
        throw e;
      }
    }
  }
}
