package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.AuditDirs;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One subgraph failing every way a subgraph fails, over real HTTP: each time, the other subgraph's part of the
 * response is served and the failing part is an error naming the subgraph; a subgraph that keeps failing is not
 * asked while its circuit is open, and {@code /health} names it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "server.port=0",
        args = "--supergraph=src/test/resources/golden/provides/supergraph.graphql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubgraphFaultsIT {

    private static final TestSubgraph ACCOUNTS = TestSubgraph.golden("provides", "accounts");
    private static final TestSubgraph REVIEWS = TestSubgraph.golden("provides", "reviews");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUERY = "{\"query\":\"{ topReviews { body author { username name } } }\"}";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void subgraphs(DynamicPropertyRegistry registry) {
        registry.add("audit.dir", () -> AuditDirs.fresh("subgraph-faults"));
        registry.add("gateway.subgraph.accounts.url", ACCOUNTS::url);
        registry.add("gateway.subgraph.reviews.url", REVIEWS::url);
        registry.add("gateway.subgraph.accounts.timeout", () -> "500ms");
        registry.add("gateway.resilience.window", () -> "6");
        registry.add("gateway.resilience.minimum-calls", () -> "6");
        registry.add("gateway.resilience.open-for", () -> "3s");
        registry.add("gateway.resilience.probes", () -> "1");
        registry.add("gateway.resilience.retries", () -> "0");
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.close();
        REVIEWS.close();
    }

    @BeforeEach
    void accountsServeAgain() throws Exception {
        ACCOUNTS.recover();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (post().at("/data/topReviews/0/author/name").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(post().at("/data/topReviews/0/author/name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    @Order(1)
    void anHtmlErrorPageCostsOnlyTheFailingSubgraphsPart() throws Exception {
        ACCOUNTS.fail();
        assertOnlyAccountsFailed(post(), "HTTP 500 with a body that is not JSON");
    }

    @Test
    @Order(2)
    void truncatedJsonCostsOnlyTheFailingSubgraphsPart() throws Exception {
        ACCOUNTS.answerRaw("{\"data\":{\"_entities\":[{\"name\":");
        assertOnlyAccountsFailed(post(), "with a body that is not JSON");
    }

    @Test
    @Order(3)
    void aSlowSubgraphCostsOnlyItsPartAfterItsTimeout() throws Exception {
        ACCOUNTS.delay(3_000);
        assertOnlyAccountsFailed(post(), "timed out after 500 ms");
    }

    @Test
    @Order(4)
    void wrongTypesAreNotPassedOn() throws Exception {
        ACCOUNTS.answerRaw("{\"data\":{\"_entities\":[{\"__typename\":\"User\",\"name\":{\"first\":\"Ada\"}}]}}");
        JsonNode body = post();
        assertThat(body.at("/data/topReviews/0/body").asString()).isNotEmpty();
        assertThat(body.at("/data/topReviews/0/author/name").isObject())
                .as(body.toString())
                .isFalse();
    }

    @Test
    @Order(5)
    void aStoppedSubgraphIsNotAskedOnceItsCircuitOpensAndHealthNamesIt() throws Exception {
        ACCOUNTS.fail();
        // failing 6 times in a row opens it at the latest (half of the last 6 fetches)
        JsonNode body = post();
        for (int i = 0; i < 6 && !body.at("/errors/0/message").asString().contains("circuit breaker is open"); i++) {
            assertOnlyAccountsFailed(body, "HTTP 500");
            body = post();
        }
        assertOnlyAccountsFailed(body, "not asked: its circuit breaker is open");
        int asked = ACCOUNTS.requests().size();

        for (int i = 0; i < 10; i++) {
            assertOnlyAccountsFailed(post(), "not asked: its circuit breaker is open");
        }
        assertThat(ACCOUNTS.requests()).hasSize(asked);
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode state = GatewayCalls.tree(health.body());
        assertThat(state.at("/status").asString()).isEqualTo("DEGRADED");
        assertThat(state.at("/subgraphs/accounts/state").asString()).isEqualTo("DOWN");
        assertThat(state.at("/subgraphs/accounts/circuit").asString()).isEqualTo("OPEN");
        assertThat(state.at("/subgraphs/reviews/state").asString()).isEqualTo("UP");
    }

    private static void assertOnlyAccountsFailed(JsonNode body, String why) {
        assertThat(body.at("/data/topReviews/0/body").asString())
                .as(body.toString())
                .isNotEmpty();
        assertThat(body.at("/data/topReviews/0/author/username").asString()).isEqualTo("@ada-provided");
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("SUBREQUEST_HTTP_ERROR");
        assertThat(body.at("/errors/0/extensions/service").asString()).isEqualTo("accounts");
        assertThat(body.at("/errors/0/message").asString())
                .contains("'accounts'")
                .contains(why);
    }

    private JsonNode post() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return GatewayCalls.tree(response.body());
    }
}
