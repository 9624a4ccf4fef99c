package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.ScriptedSubgraph.Reply;
import io.meshcatalog.gateway.execution.ScriptedSubgraph.ScriptedServer;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Fast failure over real sockets: a subgraph that keeps failing is not asked while its circuit is open, is probed
 * again after, and serves again once it answers; a query is retried after a transient failure, a mutation never; each
 * way a subgraph can answer badly fails its fetch with a message that says how.
 */
class GuardedSubgraphClientIT {

    /** Opens after 4 fetches of which half failed, for 300 ms; one probe; one retry after about 10 ms. */
    private static final GuardedSubgraphClient.Settings QUICK =
            new GuardedSubgraphClient.Settings(50, 4, 4, Duration.ofMillis(300), 1, 1, Duration.ofMillis(10));

    private final NettySubgraphClient http = GatewayCalls.httpClient();
    private ScriptedServer server;

    @AfterEach
    void stop() throws Exception {
        http.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubgraphThatKeepsFailingIsNotAskedWhileItsCircuitIsOpenThenServesAgain() throws Exception {
        server = new ScriptedServer((connection, request) -> Reply.NOT_JSON);
        GuardedSubgraphClient client = new GuardedSubgraphClient(http, QUICK.withoutRetries());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> fetch(client, false))
                    .hasMessageContaining("HTTP 502 with a body that is not JSON");
        }
        assertThat(server.requests()).hasSize(4);

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> fetch(client, false))
                    .hasMessageContaining(
                            "not asked: its circuit breaker is open, " + "after 4 of its last 4 fetches failed");
        }
        assertThat(server.requests()).as("an open circuit asks nobody").hasSize(4);
        assertThat(client.state("scripted")).satisfies(state -> {
            assertThat(state.circuit()).isEqualTo("OPEN");
            assertThat(state.up()).isFalse();
        });

        server.script((connection, request) -> Reply.ANSWER);
        Thread.sleep(400);
        assertThat(fetch(client, false)).containsEntry("data", Map.of("ok", true));
        assertThat(client.state("scripted")).satisfies(state -> {
            assertThat(state.circuit()).isEqualTo("CLOSED");
            assertThat(state.up()).isTrue();
        });
    }

    @Test
    void aQueryIsSentAgainAfterATransientFailureAndAMutationIsNot() throws Exception {
        server = new ScriptedServer(
                (connection, request) -> connection == 0 && request == 0 ? Reply.NOT_JSON : Reply.ANSWER);
        GuardedSubgraphClient client = new GuardedSubgraphClient(http, QUICK);

        assertThat(fetch(client, false)).containsEntry("data", Map.of("ok", true));
        assertThat(server.requests()).hasSize(2);

        server.script((connection, request) -> Reply.NOT_JSON);
        assertThatThrownBy(() -> fetch(client, true)).hasMessageContaining("HTTP 502");
        assertThat(server.requests()).as("the mutation went out once").hasSize(3);
    }

    /**
     * Repeated: a connection made just after the scripted server closed was once still accepted and answered (11 runs
     * in 100 before the server waited for its acceptor to stop).
     */
    @RepeatedTest(20)
    void eachWayOfAnsweringBadlyFailsTheFetchSayingHow() throws Exception {
        server = new ScriptedServer((connection, request) -> Reply.TRUNCATED);
        GuardedSubgraphClient client = new GuardedSubgraphClient(http, QUICK.withoutRetries());
        assertThatThrownBy(() -> fetch(client, false)).hasMessageContaining("HTTP 200 with a body that is not JSON");

        server.script((connection, request) -> Reply.HUGE);
        assertThatThrownBy(() -> fetch(client, false)).hasMessageContaining("the answer is larger than");

        server.close();
        assertThatThrownBy(() -> fetch(new GuardedSubgraphClient(http, QUICK), false))
                .hasMessageContaining("cannot connect to 127.0.0.1");
    }

    private Map<String, Object> fetch(GuardedSubgraphClient client, boolean mutation) throws Exception {
        try {
            return client.execute(new SubgraphRequest(
                            "scripted",
                            server.url(),
                            mutation ? "mutation { ok }" : "{ ok }",
                            Map.of(),
                            new SubgraphSettings(null, Duration.ofSeconds(5), Map.of()),
                            RequestContext.anonymous(),
                            mutation))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
