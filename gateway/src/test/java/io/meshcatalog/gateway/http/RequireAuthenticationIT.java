package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.AuditDirs;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestApiKeys;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The router's {@code require_authentication} and {@code reject_unauthorized}, set in configuration, over real
 * HTTP: the golden {@code requires-scopes} supergraph and its subgraphs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "server.port=0",
            "gateway.authorization.require-authentication=true",
            "gateway.authorization.reject-unauthorized=true"
        },
        args = "--supergraph=src/test/resources/golden/requires-scopes/supergraph.graphql")
class RequireAuthenticationIT {

    private static final TestSubgraph CRM = TestSubgraph.golden("requires-scopes", "crm");
    private static final TestSubgraph BILLING = TestSubgraph.golden("requires-scopes", "billing");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestApiKeys KEYS = new TestApiKeys();
    private static final String SIGNED_IN =
            KEYS.add("ada", List.of(), List.of("READER"), List.of()).apiKey();
    private static final String WITH_ADMIN_SCOPE =
            KEYS.add("ada", List.of(), List.of("READER"), List.of("admin")).apiKey();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void subgraphUrls(DynamicPropertyRegistry registry) {
        registry.add("gateway.subgraph.crm.url", CRM::url);
        registry.add("gateway.subgraph.billing.url", BILLING::url);
        registry.add("audit.dir", () -> AuditDirs.fresh("require-authentication-it"));
        KEYS.register(registry);
    }

    @AfterAll
    static void stop() {
        CRM.close();
        BILLING.close();
    }

    @Test
    void unauthenticatedGraphQLRequestIsRefusedWith401AndRunsNothing() throws Exception {
        int asked = CRM.requests().size();
        HttpResponse<String> response = post("{ customers { name } }", null);
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = GatewayCalls.tree(response.body());
        assertThat(body.at("/errors/0/message").asString()).isEqualTo("unauthenticated");
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("AUTH_ERROR");
        assertThat(body.has("data")).isFalse();
        assertThat(CRM.requests()).hasSize(asked);
    }

    @Test
    void otherRoutesStayOpen() throws Exception {
        HttpResponse<String> health =
                HTTP.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void authenticatedRequestReadingNothingProtectedRuns() throws Exception {
        HttpResponse<String> response = post("{ customers { name } }", SIGNED_IN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayCalls.tree(response.body())
                        .at("/data/customers/0/name")
                        .asString())
                .isEqualTo("Ada");
    }

    @Test
    void operationWithAnyUnauthorizedPartIsRejectedWhole() throws Exception {
        int asked = CRM.requests().size();
        HttpResponse<String> response = post("{ customers { name email } }", SIGNED_IN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GatewayCalls.tree(response.body());
        assertThat(body.at("/data").toString()).isEqualTo("{}");
        assertThat(body.at("/errors/0/path").toString()).isEqualTo("[\"customers\",\"@\",\"email\"]");
        assertThat(CRM.requests()).hasSize(asked);
        JsonNode allowed = GatewayCalls.tree(
                post("{ customers { name email } }", WITH_ADMIN_SCOPE).body());
        assertThat(allowed.at("/data/customers/0/email").asString()).isEqualTo("ada@example.org");
    }

    private HttpResponse<String> post(String query, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        GatewayCalls.JSON.writeValueAsString(Map.of("query", query))));
        if (caller != null) {
            request.header("X-Api-Key", caller);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
