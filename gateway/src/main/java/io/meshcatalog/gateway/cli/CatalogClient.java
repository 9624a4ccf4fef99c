package io.meshcatalog.gateway.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The command-line tools' way to ask a running catalog one GraphQL question, with the caller's API key. */
final class CatalogClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String catalog;
    private final @Nullable String key;
    private final int timeoutSeconds;

    CatalogClient(String catalog, @Nullable String key, int timeoutSeconds) {
        this.catalog = catalog;
        this.key = key;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * The {@code field} of the answer to {@code query}; a {@link Failed} naming {@code what} when the catalog cannot be
     * reached, refuses, or answers without it.
     */
    Map<String, Object> ask(
            String query, String operationName, Map<String, @Nullable Object> variables, String field, String what) {
        URI endpoint;
        try {
            endpoint = URI.create(catalog.replaceAll("/+$", "") + "/graphql");
            if (endpoint.getScheme() == null
                    || !endpoint.getScheme().startsWith("http")
                    || endpoint.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
        } catch (IllegalArgumentException e) {
            throw new Failed("--catalog must be the gateway's http(s) URL, such as http://localhost:8080, not '"
                    + catalog + "'");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", query, "operationName", operationName, "variables", variables))));
        if (key != null && !key.isBlank()) {
            request.header("X-Api-Key", key.trim());
        }
        HttpResponse<String> response;
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("cannot reach the catalog at " + endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while asking " + endpoint);
        }
        return answer(endpoint, response, field, what);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(URI endpoint, HttpResponse<String> response, String field, String what) {
        Map<String, Object> body;
        try {
            body = JSON.readValue(response.body(), Map.class);
        } catch (JacksonException e) {
            throw new Failed(endpoint + " answered " + response.statusCode() + " without a GraphQL answer: "
                    + excerpt(response.body()));
        }
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            StringBuilder message =
                    new StringBuilder("the catalog refused " + what + " (HTTP " + response.statusCode() + "):");
            for (Object error : errors) {
                Object code = error instanceof Map<?, ?> e && e.get("extensions") instanceof Map<?, ?> ext
                        ? ext.get("code")
                        : null;
                Object text = error instanceof Map<?, ?> e ? e.get("message") : error;
                message.append("\n  ").append(code == null ? "" : code + ": ").append(text);
            }
            throw new Failed(message.toString());
        }
        if (!(body.get("data") instanceof Map<?, ?> data) || !(data.get(field) instanceof Map<?, ?> value)) {
            throw new Failed(endpoint + " answered " + response.statusCode() + " without " + what + ": "
                    + excerpt(response.body()));
        }
        return (Map<String, Object>) value;
    }

    private static String excerpt(String body) {
        String oneLine = body.strip().replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    /** Why the catalog could not answer, for the person who ran the tool. */
    static final class Failed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }
}
