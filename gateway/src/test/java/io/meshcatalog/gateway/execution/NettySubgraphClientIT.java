package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.ScriptedSubgraph.Reply;
import io.meshcatalog.gateway.execution.ScriptedSubgraph.ScriptedServer;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subgraph client against a scripted HTTP/1.1 server on a real socket: what it does with kept-alive
 * connections, connections the subgraph closes, slow and oversized answers.
 */
class NettySubgraphClientIT {

    private final NettySubgraphClient client = GatewayCalls.httpClient();
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sequentialFetchesShareOneKeptAliveConnection() throws Exception {
        server = new ScriptedServer((connection, request) -> Reply.ANSWER);

        for (int i = 0; i < 3; i++) {
            assertThat(fetch("{ ok }", Duration.ofSeconds(5))).containsEntry("data", Map.of("ok", true));
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aQueryOnAConnectionTheSubgraphClosedGoesOutAgainOnANewOne() throws Exception {
        // The first connection answers once, then closes on the next request (an idle timeout racing it).
        server = new ScriptedServer(
                (connection, request) -> connection == 0 && request == 1 ? Reply.CLOSE : Reply.ANSWER);
        fetch("{ ok }", Duration.ofSeconds(5));

        assertThat(fetch("{ ok }", Duration.ofSeconds(5))).containsEntry("data", Map.of("ok", true));
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aMutationOnAConnectionTheSubgraphClosedIsNotSentAgain() throws Exception {
        server = new ScriptedServer(
                (connection, request) -> connection == 0 && request == 1 ? Reply.CLOSE : Reply.ANSWER);
        fetch("{ ok }", Duration.ofSeconds(5));

        // the plan says it is a mutation (the client does not read the text): never sent twice
        assertThatThrownBy(() -> client.execute(new SubgraphRequest(
                                "scripted",
                                server.url(),
                                "mutation { ok }",
                                Map.of(),
                                new SubgraphSettings(null, Duration.ofSeconds(5), Map.of()),
                                RequestContext.anonymous(),
                                true))
                        .get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SubgraphFetchException.class)
                .hasMessageContaining("the connection closed before the answer");
        assertThat(server.requests()).containsExactly("{ ok }", "mutation { ok }");
    }

    @Test
    void aSlowSubgraphTimesOutAndItsConnectionIsNotReused() throws Exception {
        server = new ScriptedServer((connection, request) -> connection == 0 ? Reply.NEVER : Reply.ANSWER);

        assertThatThrownBy(() -> fetch("{ ok }", Duration.ofMillis(300)))
                .hasCauseInstanceOf(SubgraphFetchException.class)
                .hasMessageContaining("timed out after 300 ms");
        assertThat(fetch("{ ok }", Duration.ofSeconds(5))).containsEntry("data", Map.of("ok", true));
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionNamesTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SubgraphRequest request =
                request("http://127.0.0.1:" + closedPort + "/graphql", "{ ok }", Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.execute(request).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SubgraphFetchException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void anAnswerThatIsNotAGraphQLResponseFailsTheFetch() throws Exception {
        server = new ScriptedServer((connection, request) -> Reply.NOT_JSON);

        assertThatThrownBy(() -> fetch("{ ok }", Duration.ofSeconds(5)))
                .hasCauseInstanceOf(SubgraphFetchException.class)
                .hasMessageContaining("HTTP 502 with a body that is not JSON");
    }

    private Map<String, Object> fetch(String query, Duration timeout) throws Exception {
        return client.execute(request(server.url(), query, timeout)).get(10, TimeUnit.SECONDS);
    }

    private static SubgraphRequest request(String url, String query, Duration timeout) {
        return new SubgraphRequest(
                "scripted",
                url,
                query,
                Map.of(),
                new SubgraphSettings(null, timeout, Map.of()),
                RequestContext.anonymous());
    }
}
