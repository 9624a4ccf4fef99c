package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphFetchException;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.supergraph.Subgraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HealthEndpointTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path SUPERGRAPH = Path.of("src/test/resources/golden/entities/supergraph.graphql");

    private static final HttpCall GET = new HttpCall("GET", "/health", Map.of(), Map.of(), new byte[0], "127.0.0.1");

    private static final HealthProbe NEO4J_UP = probe(Map.of("state", "UP"));

    @Test
    void healthWaitsForEveryReadinessCheckAndNamesWhatItAwaits() {
        AtomicBoolean harvested = new AtomicBoolean();
        ReadinessCheck harvest = new ReadinessCheck() {
            @Override
            public String name() {
                return "the catalog's first harvest";
            }

            @Override
            public boolean isReady() {
                return harvested.get();
            }
        };
        HealthEndpoint health = health(Set.of(), List.of(harvest), NEO4J_UP);

        HttpAnswer starting = health.ready(GET).join();
        assertThat(starting.status()).isEqualTo(503);
        assertThat(body(starting))
                .containsEntry("status", "STARTING")
                .containsEntry("waitingFor", List.of("the catalog's first harvest"));

        harvested.set(true);
        HttpAnswer up = health.ready(GET).join();
        assertThat(up.status()).isEqualTo(200);
        assertThat(body(up))
                .containsEntry("status", "UP")
                .doesNotContainKey("waitingFor")
                .containsEntry("neo4j", Map.of("state", "UP"));
    }

    @Test
    void aSubgraphThatIsDownMakesTheGatewayDegradedAndIsNamed() {
        String down = subgraphNames().get(0);
        HttpAnswer answer = health(Set.of(down), List.of(), NEO4J_UP).ready(GET).join();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer)).containsEntry("status", "DEGRADED");
        @SuppressWarnings("unchecked")
        Map<String, Object> subgraphs = (Map<String, Object>) body(answer).get("subgraphs");
        assertThat(subgraphs)
                .containsEntry(down, Map.of("state", "DOWN", "error", "cannot connect to " + down))
                .hasSize(subgraphNames().size());
    }

    @Test
    void everySubgraphDownIsDownAnd503() {
        HttpAnswer answer = health(Set.copyOf(subgraphNames()), List.of(), NEO4J_UP)
                .ready(GET)
                .join();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(body(answer)).containsEntry("status", "DOWN");
    }

    @Test
    void neo4jDownLeavesFederationServingAndSaysSo() {
        HttpAnswer answer = health(Set.of(), List.of(), probe(Map.of("state", "DOWN", "error", "unreachable")))
                .ready(GET)
                .join();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer))
                .containsEntry("status", "DEGRADED")
                .containsEntry("neo4j", Map.of("state", "DOWN", "error", "unreachable"));
    }

    @Test
    void livenessIsUpWhateverTheDependenciesDo() {
        HttpAnswer live = health(Set.copyOf(subgraphNames()), List.of(), probe(Map.of("state", "DOWN")))
                .live(GET)
                .join();

        assertThat(live.status()).isEqualTo(200);
        assertThat(body(live)).containsEntry("status", "UP");
    }

    private static HealthEndpoint health(Set<String> down, List<ReadinessCheck> checks, HealthProbe neo4j) {
        SubgraphClient client = request -> down.contains(request.subgraph())
                ? CompletableFuture.failedFuture(
                        new SubgraphFetchException("cannot connect to " + request.subgraph(), true))
                : CompletableFuture.completedFuture(Map.of("data", Map.of("__typename", "Query")));
        return new HealthEndpoint(new SubgraphProbe(gateway(), client, null), checks, List.of(neo4j), JSON);
    }

    private static HealthProbe probe(Map<String, Object> state) {
        return new HealthProbe() {
            @Override
            public String name() {
                return "neo4j";
            }

            @Override
            public CompletableFuture<Map<String, Object>> probe() {
                return CompletableFuture.completedFuture(state);
            }
        };
    }

    private static List<String> subgraphNames() {
        return gateway().supergraph().subgraphs().stream().map(Subgraph::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpAnswer answer) {
        return JSON.readValue(answer.body(), Map.class);
    }

    private static Gateway gateway() {
        return new Gateway(
                new SupergraphFile(SUPERGRAPH).load(),
                Map.of(),
                SubgraphSettings.DEFAULTS,
                new PlanExecutor(
                        request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraphs here"))),
                Gateway.Options.defaults());
    }
}
