package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The application as clients see it: {@code --supergraph=<file>}, {@code POST /graphql},
 * {@code GET /health}, the plan header, and per-subgraph URL overrides from properties.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "server.port=0",
        args = "--supergraph=src/test/resources/golden/provides/supergraph.graphql")
class GatewayHttpIT {

    private static final TestSubgraph ACCOUNTS = TestSubgraph.golden("provides", "accounts");
    private static final TestSubgraph REVIEWS = TestSubgraph.golden("provides", "reviews");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(new SecureRandom());
    /** Its own audit log: the context outlives this class (Spring's test context cache) and holds the log's lock. */
    private static final Path AUDIT = auditDir();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void subgraphUrls(DynamicPropertyRegistry registry) {
        registry.add("audit.dir", AUDIT::toString);
        registry.add("gateway.subgraph.accounts.url", ACCOUNTS::url);
        registry.add("gateway.subgraph.reviews.url", REVIEWS::url);
        registry.add("gateway.subgraph.reviews.headers.x-team", () -> "catalog");
        registry.add("gateway.forward-headers", () -> "Authorization");
        registry.add("gateway.subgraph.reviews.forward-headers", () -> "x-request-id,x-team");
        registry.add("security.api-keys[0].id", ADMIN::id);
        registry.add("security.api-keys[0].hash", () -> ApiKeyFormat.configuredHash(ADMIN.hash()));
        registry.add("security.api-keys[0].subject", () -> "root");
        registry.add("security.api-keys[0].roles", () -> "ADMIN");
        registry.add("security.api-keys[0].expires", () -> "2099-01-01");
    }

    private static Path auditDir() {
        try {
            return Files.createTempDirectory("gateway-http-it-audit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.close();
        REVIEWS.close();
    }

    @Test
    void healthAnswersOkOnceReady() throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void postGraphqlFederatesAcrossSubgraphs() throws Exception {
        JsonNode body = post("{\"query\":\"{ topReviews { body author { username name } } }\"}", false);
        assertThat(body.at("/data/topReviews/0/author/name").asString()).isEqualTo("Ada Lovelace");
        assertThat(body.at("/data/topReviews/0/author/username").asString()).isEqualTo("@ada-provided");
        assertThat(body.has("extensions")).isFalse();
    }

    @Test
    void planHeaderPutsThePlanInExtensions() throws Exception {
        JsonNode body = post("{\"query\":\"{ topReviews { body } }\"}", true);
        assertThat(body.at("/extensions/queryPlan").asString())
                .startsWith("QueryPlan {")
                .contains("Fetch(service: \"reviews\")");
    }

    @Test
    void introspectionAnswersFromTheApiSchema() throws Exception {
        JsonNode body = post("{\"query\":\"{ __schema { types { name } } }\"}", false);
        assertThat(body.at("/data/__schema/types").toString())
                .contains("\"Review\"")
                .doesNotContain("join__Graph");
    }

    @Test
    void getServesQueriesToClientsThatSendAPreflightHeader() throws Exception {
        String query = java.net.URLEncoder.encode("{ topReviews { body } }", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/graphql?query=" + query))
                        .header("Apollo-Require-Preflight", "true")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayCalls.tree(response.body())
                        .at("/data/topReviews/0/body")
                        .asString())
                .isEqualTo("Love it!");
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(uri("/graphql?query=" + query))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("without it: a possible CSRF")
                .isEqualTo(400);
    }

    @Test
    void requestWithoutQueryIsABadRequest() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedSayingWhy() throws Exception {
        // with a preflight header the CSRF check lets it through, and the endpoint says what it reads
        HttpResponse<String> plain = HTTP.send(
                HttpRequest.newBuilder(uri("/graphql"))
                        .header("Content-Type", "text/plain")
                        .header("Apollo-Require-Preflight", "true")
                        .POST(HttpRequest.BodyPublishers.ofString("{ topReviews { body } }"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(GatewayCalls.tree(plain.body()).at("/errors/0/message").asString())
                .contains("text/plain");

        HttpResponse<String> broken = HTTP.send(
                HttpRequest.newBuilder(uri("/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(GatewayCalls.tree(broken.body()).at("/errors/0/message").asString())
                .startsWith("the request body is not JSON");
    }

    @Test
    void configuredHeadersReachTheSubgraph() throws Exception {
        post("{\"query\":\"{ topReviews { body } }\"}", false);
        assertThat(REVIEWS.requests()).isNotEmpty();
        assertThat(REVIEWS.lastHeaders().getFirst("x-team")).isEqualTo("catalog");
    }

    @Test
    void theClientsHeadersNamedForForwardingReachTheSubgraphsAndNoOthers() throws Exception {
        post(
                "{\"query\":\"{ topReviews { body author { username name } } }\"}",
                false,
                "Authorization",
                "ApiKey " + ADMIN.key(),
                "X-Request-Id",
                "r-42",
                "X-Team",
                "spoofed",
                "Cookie",
                "session=1");

        assertThat(REVIEWS.lastHeaders().getFirst("authorization"))
                .as("named in gateway.forward-headers")
                .isEqualTo("ApiKey " + ADMIN.key());
        assertThat(REVIEWS.lastHeaders().getFirst("x-request-id")).isEqualTo("r-42");
        assertThat(REVIEWS.lastHeaders().get("x-team"))
                .as("configured headers win")
                .containsExactly("catalog");
        assertThat(REVIEWS.lastHeaders().containsKey("cookie")).isFalse();
        assertThat(ACCOUNTS.lastHeaders().getFirst("authorization")).isEqualTo("ApiKey " + ADMIN.key());
        assertThat(ACCOUNTS.lastHeaders().containsKey("x-request-id"))
                .as("forwarded to reviews only")
                .isFalse();
    }

    private JsonNode post(String json, boolean withPlan, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withPlan) {
            // the plan is for admins and domain members
            request.header("X-Mesh-Plan", "true").header("X-Api-Key", ADMIN.key());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return GatewayCalls.tree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
