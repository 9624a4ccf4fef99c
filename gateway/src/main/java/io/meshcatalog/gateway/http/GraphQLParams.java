package io.meshcatalog.gateway.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of a GraphQL-over-HTTP request, read from a JSON {@code POST} body or a {@code GET} query
 * string. What cannot be read is a {@link Refused} with the status and a message that says what is wrong.
 *
 * @param query the document; null only when {@code extensions} name a persisted one ({@code persistedQuery})
 * @param operationName which of its operations to run, or null
 * @param variables the variable values
 * @param extensions the request's extensions, such as {@code persistedQuery}
 */
public record GraphQLParams(
        @Nullable String query,
        @Nullable String operationName,
        Map<String, @Nullable Object> variables,
        Map<String, @Nullable Object> extensions) {

    /** A request that cannot be read: answer {@code status} with {@code message}. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** From a {@code POST} with a JSON body {@code {"query", "operationName", "variables", "extensions"}}. */
    public static GraphQLParams fromPost(HttpCall call, JsonMapper json) {
        String notJson = call.notJson("a JSON body");
        if (notJson != null) {
            throw new Refused(415, notJson);
        }
        Object body;
        try {
            body = json.readValue(call.body(), Object.class);
        } catch (JacksonException e) {
            throw new Refused(400, "the request body is not JSON: " + e.getOriginalMessage());
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw new Refused(400, "the request body must be a JSON object with a \"query\"");
        }
        return of(map.get("query"), map.get("operationName"), map.get("variables"), map.get("extensions"));
    }

    /** From a {@code GET} query string, {@code variables} and {@code extensions} as JSON text. */
    public static GraphQLParams fromGet(HttpCall call, JsonMapper json) {
        return of(
                call.parameter("query"),
                call.parameter("operationName"),
                jsonParameter(call, "variables", json),
                jsonParameter(call, "extensions", json));
    }

    private static @Nullable Object jsonParameter(HttpCall call, String name, JsonMapper json) {
        String text = call.parameter(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new Refused(400, "\"" + name + "\" is not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static GraphQLParams of(
            @Nullable Object query,
            @Nullable Object operationName,
            @Nullable Object variables,
            @Nullable Object extensions) {
        if (variables != null && !(variables instanceof Map)) {
            throw new Refused(400, "\"variables\" must be an object");
        }
        if (extensions != null && !(extensions instanceof Map)) {
            throw new Refused(400, "\"extensions\" must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> named =
                extensions == null ? Map.of() : (Map<String, @Nullable Object>) extensions;
        if (!(query instanceof String) && (query != null || named.get("persistedQuery") == null)) {
            throw new Refused(
                    400,
                    "the request has no \"query\" string (nor a persisted query's id in "
                            + "extensions.persistedQuery)");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw new Refused(400, "\"operationName\" must be a string");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> values = variables == null ? Map.of() : (Map<String, @Nullable Object>) variables;
        return new GraphQLParams((String) query, (String) operationName, values, named);
    }
}
