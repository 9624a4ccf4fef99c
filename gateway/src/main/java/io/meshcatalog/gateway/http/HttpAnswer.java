package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.GatewayResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP response as a route makes it: the server adds the length, keep-alive and compression.
 *
 * @param status the status code
 * @param contentType the media type of the body, with its charset where it has one
 * @param headers more headers (cache control, content disposition …)
 * @param body the body
 * @param operation the GraphQL operation it answers, for metrics and the access log; null for other answers
 */
public record HttpAnswer(
        int status,
        String contentType,
        Map<String, String> headers,
        byte[] body,
        GatewayResponse.@Nullable Operation operation) {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {
        this(status, contentType, headers, body, null);
    }

    /** A body that is JSON. */
    public static HttpAnswer json(int status, Object value, JsonMapper json) {
        return new HttpAnswer(status, JSON, Map.of(), json.writeValueAsBytes(value));
    }

    /**
     * A GraphQL-style error body, {@code {"errors":[{"message": …}]}}, which every client of the gateway can read; a long
     * message is cut ({@link ErrorExcerpts}).
     */
    public static HttpAnswer error(int status, String message, JsonMapper json) {
        return json(status, Map.of("errors", List.of(Map.of("message", ErrorExcerpts.excerpt(message)))), json);
    }

    /**
     * A GraphQL response as GraphQL over HTTP answers it in JSON: 200 (errors included, as for {@code application/json}),
     * or 405 with {@code Allow: POST} for a mutation that a {@code GET} selected, or 429 with {@code Retry-After} for a
     * caller over its cost budget. Long error messages are cut
     * ({@link ErrorExcerpts}).
     */
    public static HttpAnswer graphql(GatewayResponse response, JsonMapper json) {
        Map<String, Object> body = ErrorExcerpts.of(response.body());
        HttpAnswer answer;
        if (response.kind() == GatewayResponse.Kind.MUTATION_NOT_ALLOWED) {
            answer = json(405, body, json).withHeader("Allow", "POST");
        } else if (response.kind() == GatewayResponse.Kind.RATE_LIMITED) {
            answer = json(429, body, json).withHeader("Retry-After", retryAfter(body));
        } else {
            answer = json(200, body, json);
        }
        return new HttpAnswer(answer.status, answer.contentType, answer.headers, answer.body, response.operation());
    }

    /** The seconds the first error's {@code retryAfterSeconds} extension gives, 1 when none does. */
    private static String retryAfter(Map<String, Object> body) {
        if (body.get("errors") instanceof List<?> errors
                && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> error
                && error.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("retryAfterSeconds") instanceof Number seconds) {
            return Long.toString(seconds.longValue());
        }
        return "1";
    }

    /** A body that is UTF-8 text of {@code contentType}. */
    public static HttpAnswer text(int status, String contentType, String text) {
        return new HttpAnswer(status, contentType, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same answer with one more header. */
    public HttpAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpAnswer(status, contentType, more, body, operation);
    }
}
