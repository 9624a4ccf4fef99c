package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.ScriptedSubgraph.Reply;
import io.meshcatalog.gateway.execution.ScriptedSubgraph.ScriptedServer;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deduplication over real HTTP, in front of the guarded client as the gateway wires it: twenty identical queries in
 * flight reach the subgraph once, a query with other variables goes on its own, and an excluded subgraph gets all.
 */
class InFlightSubgraphClientIT {

    private final NettySubgraphClient http = GatewayCalls.httpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private ScriptedServer server;

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        http.close();
        if (server != null) {
            server.close();
        }
    }

    private SubgraphClient client(Set<String> excluded) throws Exception {
        server = new ScriptedServer((connection, request) -> {
            try {
                release.await(10, TimeUnit.SECONDS); // answers only once the test has sent everything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ANSWER;
        });
        return new InFlightSubgraphClient(
                new GuardedSubgraphClient(http, GuardedSubgraphClient.Settings.DEFAULTS), excluded);
    }

    private List<CompletableFuture<Map<String, Object>>> send(
            SubgraphClient client, String subgraph, int times, Map<String, Object> variables) {
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(client.execute(new SubgraphRequest(
                    subgraph,
                    server.url(),
                    "query($id: ID) { ok }",
                    variables,
                    new SubgraphSettings(null, Duration.ofSeconds(10), Map.of()),
                    RequestContext.anonymous())));
        }
        return answers;
    }

    @Test
    void twentyIdenticalQueriesInFlightReachTheSubgraphOnceAndOtherVariablesGoOnTheirOwn() throws Exception {
        SubgraphClient client = client(Set.of());
        List<CompletableFuture<Map<String, Object>>> answers = send(client, "orders", 20, Map.of("id", "1"));
        answers.addAll(send(client, "orders", 1, Map.of("id", "2")));
        release.countDown();

        for (CompletableFuture<Map<String, Object>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsEntry("data", Map.of("ok", true));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aSubgraphConfiguredNotToDeduplicateGetsEveryQuery() throws Exception {
        SubgraphClient client = client(Set.of("orders"));
        List<CompletableFuture<Map<String, Object>>> answers = send(client, "orders", 5, Map.of("id", "1"));
        release.countDown();

        for (CompletableFuture<Map<String, Object>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsEntry("data", Map.of("ok", true));
        }
        assertThat(server.requests()).hasSize(5);
    }
}
