package io.meshcatalog.gateway.execution;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Filtered;
import io.meshcatalog.gateway.planning.Operations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client sees of the authorization filter, as Apollo's router shows it: one error per removal,
 * {@code "Unauthorized field or type"} with the removal's path and {@code extensions.code}
 * {@code UNAUTHORIZED_FIELD_OR_TYPE}; null where a removed field was (the shaping over the client's operation puts it
 * there, from data reduced to what the filtered operation selects); {@code {"data": {}}} when nothing ran.
 */
final class Unauthorized {

    static final String CODE = "UNAUTHORIZED_FIELD_OR_TYPE";
    static final String MESSAGE = "Unauthorized field or type";

    private Unauthorized() {}

    /** The errors of the removals, in the order the filter met them; none when nothing was removed. */
    static List<Map<String, Object>> errors(Filtered filtered) {
        if (filtered.removed().isEmpty() && filtered.omitted() == 0) {
            return List.of();
        }
        List<Map<String, Object>> errors = new ArrayList<>(filtered.removed().size() + 1);
        for (List<String> path : filtered.removed()) {
            errors.add(error(MESSAGE, path));
        }
        if (filtered.omitted() > 0) {
            errors.add(error(filtered.omitted() + " more fields or types were removed as unauthorized", null));
        }
        return errors;
    }

    /** The answer to an operation of which nothing runs. */
    static Map<String, Object> response(Filtered filtered) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("errors", errors(filtered));
        response.put("data", Map.of());
        return response;
    }

    /** The plan's outcome with its data reduced to what the filtered operation selects (as is when nothing was removed). */
    static PlanExecutor.Outcome reduced(
            GraphQLSchema schema,
            Document document,
            Filtered filtered,
            @org.jspecify.annotations.Nullable String operationName,
            PlanExecutor.Outcome outcome) {
        if (filtered.document() == document) {
            return outcome;
        }
        OperationDefinition operation = Operations.select(filtered.document(), operationName);
        GraphQLObjectType root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                ? schema.getMutationType()
                : schema.getQueryType();
        return new PlanExecutor.Outcome(
                FilteredData.of(schema, filtered.document(), operationName, root, outcome.data()), outcome.errors());
    }

    private static Map<String, Object> error(String message, @org.jspecify.annotations.Nullable List<String> path) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (path != null) {
            error.put("path", path);
        }
        error.put("extensions", Map.of("code", CODE));
        return error;
    }
}
