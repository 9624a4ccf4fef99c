package io.meshcatalog.gateway.execution;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One GraphQL request as a client sent it.
 *
 * @param query the document
 * @param operationName which operation of the document to run
 * @param variables the variable values
 * @param context who asks
 * @param includePlan whether the printed plan goes to {@code extensions.queryPlan}
 */
public record GatewayRequest(String query, @Nullable String operationName, Map<String, @Nullable Object> variables,
    RequestContext context, boolean includePlan) {
}
