package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HealthEndpointTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Path SUPERGRAPH = Path.of("src/test/resources/golden/entities/supergraph.graphql");

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
    HealthEndpoint health = new HealthEndpoint(gateway(), List.of(harvest), JSON);

    HttpAnswer starting = health.handle(GET).join();
    assertThat(starting.status()).isEqualTo(503);
    assertThat(body(starting)).containsEntry("status", "STARTING")
        .containsEntry("waitingFor", List.of("the catalog's first harvest"));

    harvested.set(true);
    HttpAnswer up = health.handle(GET).join();
    assertThat(up.status()).isEqualTo(200);
    assertThat(body(up)).containsEntry("status", "UP").doesNotContainKey("waitingFor");
  }

  @Test
  void withNothingToAwaitALoadedSupergraphIsReady() {
    assertThat(new HealthEndpoint(gateway(), List.of(), JSON).handle(GET).join().status()).isEqualTo(200);
  }

  private static final HttpCall GET = new HttpCall("GET", "/health", Map.of(), Map.of(), new byte[0], "127.0.0.1");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(HttpAnswer answer) {
    return JSON.readValue(answer.body(), Map.class);
  }

  private static Gateway gateway() {
    return new Gateway(new SupergraphFile(SUPERGRAPH).load(), Map.of(), SubgraphSettings.DEFAULTS,
        new PlanExecutor(request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraphs here"))),
        Gateway.Options.defaults());
  }
}
