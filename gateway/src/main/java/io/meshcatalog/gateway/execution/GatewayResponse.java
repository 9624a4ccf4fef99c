package io.meshcatalog.gateway.execution;

import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway answers one request: the GraphQL response, and whether the operation ran, so the HTTP edge can
 * say what GraphQL over HTTP asks of it (405 for a mutation a GET selected).
 *
 * @param body the GraphQL response: {@code data}, {@code errors}, {@code extensions}
 * @param kind what happened to the operation
 * @param operation the operation the request selected, once the document parsed and validated; null before
 */
public record GatewayResponse(
        Map<String, Object> body, Kind kind, @Nullable Operation operation) {

    public GatewayResponse(Map<String, Object> body, Kind kind) {
        this(body, kind, null);
    }

    /**
     * The operation a request ran, as metrics and the access log name it.
     *
     * @param name its name in the document, empty when it has none
     * @param type {@code query}, {@code mutation} or {@code subscription}
     * @param errors whether its response has errors
     */
    public record Operation(String name, String type, boolean errors) {

        static Operation of(OperationDefinition definition) {
            return new Operation(
                    definition.getName() == null ? "" : definition.getName(),
                    definition.getOperation().name().toLowerCase(Locale.ROOT),
                    false);
        }
    }

    /** The same response, about this operation. */
    GatewayResponse about(Operation ran) {
        return new GatewayResponse(body, kind, new Operation(ran.name(), ran.type(), body.get("errors") != null));
    }

    /** What happened to the operation. */
    public enum Kind {
        /** It ran (perhaps with errors, perhaps failing to plan): the body is its result. */
        EXECUTED,
        /** It never started: the document cannot be parsed or validated, names no operation, or exceeds a limit. */
        REFUSED,
        /** It is a mutation and the request may only run queries (GraphQL over HTTP: a {@code GET}). */
        MUTATION_NOT_ALLOWED,
        /** Its caller has spent its budget for now ({@link CostBudgets}); the error says when to retry. */
        RATE_LIMITED
    }

    public static GatewayResponse executed(Map<String, Object> body) {
        return new GatewayResponse(body, Kind.EXECUTED);
    }

    /** A request error: errors and no {@code data}, as graphql-java reports them. */
    public static GatewayResponse refused(List<? extends GraphQLError> errors) {
        List<Map<String, Object>> list = new ArrayList<>();
        errors.forEach(e -> list.add(e.toSpecification()));
        return refusedWith(list, Kind.REFUSED);
    }

    /** A request error of errors already in their response form. */
    static GatewayResponse refusedWith(List<Map<String, Object>> errors, Kind kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.copyOf(errors));
        return new GatewayResponse(body, kind);
    }

    /** A request error with these messages. */
    static GatewayResponse refusedSaying(String message, Kind kind) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        return refusedWith(List.of(error), kind);
    }
}
