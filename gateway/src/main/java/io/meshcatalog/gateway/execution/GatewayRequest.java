package io.meshcatalog.gateway.execution;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One GraphQL request as a client sent it.
 *
 * @param query the document
 * @param operationName which operation of the document to run
 * @param variables the variable values
 * @param context who asks
 * @param includePlan whether the printed plan goes to {@code extensions.queryPlan}
 * @param mutationsAllowed whether the request may run a mutation (GraphQL over HTTP: not from a {@code GET}); the
 *     gateway decides on the operation it parsed and selected, never on the query text
 * @param clientGone whether the client has closed its connection: work for it is abandoned
 */
public record GatewayRequest(
        String query,
        @Nullable String operationName,
        Map<String, @Nullable Object> variables,
        RequestContext context,
        boolean includePlan,
        boolean mutationsAllowed,
        BooleanSupplier clientGone) {

    /** A request whose client stays (a call from inside the gateway, a test). */
    public GatewayRequest(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            RequestContext context,
            boolean includePlan,
            boolean mutationsAllowed) {
        this(query, operationName, variables, context, includePlan, mutationsAllowed, () -> false);
    }

    /** A request that may run mutations (a {@code POST}, or a call from inside the gateway). */
    public GatewayRequest(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            RequestContext context,
            boolean includePlan) {
        this(query, operationName, variables, context, includePlan, true);
    }
}
