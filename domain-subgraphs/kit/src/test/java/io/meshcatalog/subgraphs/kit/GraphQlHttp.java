package io.meshcatalog.subgraphs.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for a subgraph's {@code /graphql} endpoint, as a gateway in any language would call it. */
final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Map<String, String> headers;

    GraphQlHttp(int port) {
        this(port, Map.of());
    }

    /** A client that sends {@code headers} with every request, such as a caller assertion. */
    GraphQlHttp(int port, Map<String, String> headers) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.headers = Map.copyOf(headers);
    }

    /** Posts a query with variables and returns the parsed response body. */
    JsonNode query(String query, Map<String, Object> variables) {
        return JSON.readTree(
                post(json(Map.of("query", query, "variables", variables))).body());
    }

    JsonNode query(String query) {
        return query(query, Map.of());
    }

    /** Posts a raw body, which need not be valid JSON. */
    HttpResponse<String> post(String body) {
        return post(body, "application/json");
    }

    /** Posts a raw body with the given content type. */
    HttpResponse<String> post(String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }
}
