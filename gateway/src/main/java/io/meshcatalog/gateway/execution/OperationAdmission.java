package io.meshcatalog.gateway.execution;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.limits.OperationMeasurer;
import io.meshcatalog.gateway.limits.OperationMeasures;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a request may run the operation it selected from a parsed, validated document: decided on the parsed
 * operation ({@link Operations#select}, the one place that chooses it), never on the query text. A mutation is refused
 * where the request may only run queries, then the operation's measures are held to the caller's limits, and its
 * estimated cost is spent from the caller's budget. Nothing is planned and no subgraph is asked before this says yes.
 */
public final class OperationAdmission {

    private final OperationMeasurer measurer;
    private final OperationLimits limits;

    /**
     * @param schema the schema documents are validated against
     * @param costs its {@code @cost} and {@code @listSize} directives
     */
    public OperationAdmission(GraphQLSchema schema, CostModel costs, OperationLimits limits) {
        this.measurer =
                new OperationMeasurer(schema, costs, limits.gatewayWide().listSize());
        this.limits = limits;
    }

    /**
     * Why the request may not run its operation, as the response that says so; null when it may.
     *
     * @param mutationsAllowed false where GraphQL over HTTP allows queries only (a {@code GET})
     */
    public @Nullable GatewayResponse refusal(
            Document document,
            @Nullable String operationName,
            Map<String, ? extends @Nullable Object> variables,
            boolean mutationsAllowed,
            RequestContext context) {
        OperationDefinition operation;
        try {
            operation = Operations.select(document, operationName);
        } catch (PlanningException e) {
            return GatewayResponse.refusedSaying(e.getMessage(), GatewayResponse.Kind.REFUSED);
        }
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION && !mutationsAllowed) {
            return GatewayResponse.refusedSaying(
                    (operation.getName() == null ? "the operation" : "operation " + operation.getName())
                            + " is a mutation, and a GET request runs queries only: send it with POST",
                    GatewayResponse.Kind.MUTATION_NOT_ALLOWED);
        }
        LimitSettings settings = limits.forCaller(context);
        CostBudgets budgets = limits.budgets();
        if (!settings.measuresAnything() && !budgets.enabled()) {
            return null;
        }
        OperationMeasures measures = measurer.measure(document, operation, variables);
        List<LimitRefusal> refusals = settings.refusals(measures);
        if (refusals.isEmpty()) {
            return budgets.spend(context, measures.cost());
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        refusals.forEach(refusal -> errors.add(refusal.toSpecification()));
        return GatewayResponse.refusedWith(errors, GatewayResponse.Kind.REFUSED);
    }
}
