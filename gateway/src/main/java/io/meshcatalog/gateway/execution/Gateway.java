package io.meshcatalog.gateway.execution;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.meshcatalog.gateway.planning.PlanCache;
import io.meshcatalog.gateway.planning.PlanningException;
import io.meshcatalog.gateway.planning.QueryPlan;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.planning.Variables;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The request pipeline: parse and validate against the API schema (cached), check limits, plan (cached),
 * execute the plan against the subgraphs, then shape the merged data with graphql-java over the API
 * schema (null propagation, {@code @skip}/{@code @include}, fragments, {@code __typename},
 * introspection). The supergraph can be swapped while serving; each request uses one snapshot.
 */
public final class Gateway {

  private static final int PLAN_CACHE_SIZE = 2_000;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

  private final PlanExecutor executor;
  private final Map<String, SubgraphSettings> settings;
  private final SubgraphSettings defaults;
  private final OperationLimits limits;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  public Gateway(Supergraph supergraph, Map<String, SubgraphSettings> settings, SubgraphSettings defaults,
      PlanExecutor executor, OperationLimits limits) {
    this.executor = executor;
    this.settings = Map.copyOf(settings);
    this.defaults = defaults;
    this.limits = limits;
    use(supergraph);
  }

  /** Serves a new supergraph from the next request on; requests in flight finish on the old one. */
  public void use(Supergraph supergraph) {
    DocumentCache documents = new DocumentCache(supergraph.apiSchema(), PLAN_CACHE_SIZE);
    current.set(new Snapshot(supergraph, new PlanCache(new QueryPlanner(supergraph), PLAN_CACHE_SIZE),
        GraphQL.newGraphQL(supergraph.apiSchema()).preparsedDocumentProvider(documents)
            // Shaping only reads merged data: a mutation's fields were already run, in order, by the plan.
            .queryExecutionStrategy(new ShapingStrategy()).mutationExecutionStrategy(new ShapingStrategy()).build(),
        new SubgraphRegistry(supergraph, settings, defaults), documents));
  }

  /** The supergraph being served. */
  public Supergraph supergraph() {
    return current.get().supergraph();
  }

  /** Where and how the subgraphs of the supergraph being served are reached. */
  public SubgraphRegistry subgraphs() {
    return current.get().registry();
  }

  /** Runs one request; never fails the future: every problem becomes a GraphQL error. */
  public CompletableFuture<Map<String, Object>> execute(GatewayRequest request) {
    Snapshot snapshot = current.get();
    PreparsedDocumentEntry parsed = snapshot.documents().get(input(request, null));
    if (parsed.hasErrors()) {
      return done(errorsOnly(parsed.getErrors()));
    }
    Document document = parsed.getDocument();
    List<String> refused = limits.check(document, request.context());
    if (!refused.isEmpty()) {
      return done(messages(refused));
    }
    QueryPlan plan;
    try {
      plan = snapshot.plans().plan(request.query(), document, request.operationName());
    } catch (PlanningException e) {
      return done(withNullData(messages(List.of(e.getMessage()))));
    } catch (RuntimeException e) {
      // A planner bug must cost this request only, and say so.
      LOG.error("Cannot plan operation {}", request.operationName(), e);
      return done(withNullData(messages(List.of("the gateway could not plan this operation: " + e))));
    }
    if (isMutation(document, request.operationName())) {
      // Bad variables must stop a mutation before any subgraph runs it.
      ExecutionResult dryRun = snapshot.graphql().execute(input(request, Map.of()));
      // With no data every non-null root field is null: only the other errors are about variables.
      if (dryRun.getData() == null
          && dryRun.getErrors().stream().anyMatch(error -> !(error instanceof NonNullableFieldWasNullError))) {
        return done(errorsOnly(dryRun.getErrors()));
      }
    }
    Map<String, @Nullable Object> variables = Variables.withDefaults(document, request.operationName(), request.variables());
    return executor.execute(plan.node(), variables, snapshot.registry(), request.context())
        .thenCompose(outcome -> snapshot.graphql().executeAsync(input(request, outcome.data()))
            .thenApply(shaped -> response(shaped, outcome, plan, request)))
        .exceptionally(failure -> messages(List.of("gateway failure: " + failure.getMessage())));
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

  private static boolean isMutation(Document document, @Nullable String operationName) {
    return document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(op -> operationName == null || operationName.equals(op.getName()))
        .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
  }

  private static Map<String, Object> response(ExecutionResult shaped, PlanExecutor.Outcome outcome, QueryPlan plan,
      GatewayRequest request) {
    Map<String, Object> response = new LinkedHashMap<>();
    List<Map<String, Object>> errors = new ArrayList<>(outcome.errors());
    for (GraphQLError error : shaped.getErrors()) {
      // A null that a subgraph failure caused is already explained by that failure's error.
      if (error instanceof NonNullableFieldWasNullError && !outcome.errors().isEmpty()) {
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

  private static Map<String, Object> errorsOnly(List<? extends GraphQLError> errors) {
    List<Map<String, Object>> list = new ArrayList<>();
    errors.forEach(e -> list.add(e.toSpecification()));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("errors", list);
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

  private static CompletableFuture<Map<String, Object>> done(Map<String, Object> response) {
    return CompletableFuture.completedFuture(response);
  }

  private record Snapshot(Supergraph supergraph, PlanCache plans, GraphQL graphql, SubgraphRegistry registry,
      DocumentCache documents) {
  }
}
