package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.AuditDirs;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A document whose planning runs past {@code gateway.limits.planning-timeout} is abandoned with an error that names
 * the setting and the time spent, over real HTTP; no subgraph is asked, and the abandoned plan is not kept. The
 * measured limits are off here, so only the time budget stands between the document and the planner.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "server.port=0",
            "gateway.limits.planning-timeout=1ms",
            "gateway.limits.max-aliases=0",
            "gateway.limits.max-height=0",
            "gateway.limits.max-cost=0",
            "gateway.limits.max-root-fields=0",
            "gateway.rate-limit.cost=0"
        },
        args = "--supergraph=src/test/resources/golden/entities/supergraph.graphql")
class PlanningTimeoutIT {

    private static final TestSubgraph ACCOUNTS = TestSubgraph.golden("entities", "accounts");
    private static final TestSubgraph PRODUCTS = TestSubgraph.golden("entities", "products");
    private static final TestSubgraph REVIEWS = TestSubgraph.golden("entities", "reviews");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void subgraphUrls(DynamicPropertyRegistry registry) {
        registry.add("gateway.subgraph.accounts.url", ACCOUNTS::url);
        registry.add("gateway.subgraph.products.url", PRODUCTS::url);
        registry.add("gateway.subgraph.reviews.url", REVIEWS::url);
        registry.add("audit.dir", () -> AuditDirs.fresh("planning-timeout-it"));
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.close();
        PRODUCTS.close();
        REVIEWS.close();
    }

    @Test
    void aPlanPastThePlanningTimeoutIsAbandonedWithAnErrorNamingIt() throws Exception {
        // 2,000 aliased entity fields: parsing alone (12,000 tokens) takes longer than the 1 ms budget
        StringBuilder query = new StringBuilder("{ me {");
        for (int i = 0; i < 2_000; i++) {
            query.append(" r").append(i).append(": reviews { body }");
        }
        String document = query.append(" } }").toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> answer = post(document);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode error = GatewayCalls.tree(answer.body()).at("/errors/0");
            assertThat(error.at("/extensions/code").asString())
                    .as("attempt %d: the plan is not kept", attempt)
                    .isEqualTo("PLANNING_TIMEOUT");
            assertThat(error.at("/message").asString())
                    .startsWith("planning the operation took ")
                    .endsWith(
                            " ms, above gateway.limits.planning-timeout 1 ms: it was abandoned; send a smaller operation");
            assertThat(GatewayCalls.tree(answer.body()).has("data")).isFalse();
        }
        assertThat(ACCOUNTS.requests().size()
                        + PRODUCTS.requests().size()
                        + REVIEWS.requests().size())
                .as("requests to the subgraphs")
                .isZero();
    }

    private HttpResponse<String> post(String query) throws Exception {
        String body = GatewayCalls.JSON.writeValueAsString(Map.of("query", query));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
