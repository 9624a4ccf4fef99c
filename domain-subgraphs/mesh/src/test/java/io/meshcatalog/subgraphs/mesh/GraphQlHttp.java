package io.meshcatalog.subgraphs.mesh;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for a subgraph's {@code /graphql} endpoint, as a gateway in any language would call it: with a
 * caller assertion signed with the secret the test subgraphs are given ({@link #SECRET_PROPERTY}), for a caller that
 * sees everything unless told otherwise.
 */
public final class GraphQlHttp {

    /** The caller secret the test subgraphs are started with, as a property. */
    public static final String SECRET_PROPERTY = "meshcatalog.subgraph.caller-secret=" + GraphQlHttp.SECRET;

    static final String SECRET = "the demo tests' secret, shared with each subgraph";

    /** The gateway's own calls (its harvest): every product. */
    public static final CallerClaims GATEWAY = new CallerClaims("gateway", true, true, Set.of(), Set.of(), Set.of());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CallerAssertion SIGNER = new CallerAssertion(SECRET.getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI endpoint;
    private final @Nullable CallerClaims caller;

    /** A client that asserts {@link #GATEWAY}. */
    public GraphQlHttp(int port) {
        this(port, GATEWAY);
    }

    /** A client that asserts {@code caller}, or none when null (an anonymous caller). */
    public GraphQlHttp(int port, @Nullable CallerClaims caller) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.caller = caller;
    }

    /** Posts a query with variables and returns the parsed response body. */
    public JsonNode query(String query, Map<String, Object> variables) {
        return JSON.readTree(post(JSON.writeValueAsString(Map.of("query", query, "variables", variables)))
                .body());
    }

    public JsonNode query(String query) {
        return query(query, Map.of());
    }

    /** Posts a raw body, which need not be valid JSON. */
    public HttpResponse<String> post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header(CallerAssertion.HEADER, SIGNER.sign(caller, Instant.now()));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String body) {
        return JSON.readTree(body);
    }
}
