package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthControllerTests {

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
    HealthController health = new HealthController(gateway(), List.of(harvest));

    var starting = health.health();
    assertThat(starting.getStatusCode().value()).isEqualTo(503);
    assertThat(starting.getBody()).containsEntry("status", "STARTING")
        .containsEntry("waitingFor", List.of("the catalog's first harvest"));

    harvested.set(true);
    var up = health.health();
    assertThat(up.getStatusCode().value()).isEqualTo(200);
    assertThat(up.getBody()).containsEntry("status", "UP").doesNotContainKey("waitingFor");
  }

  @Test
  void withNothingToAwaitALoadedSupergraphIsReady() {
    assertThat(new HealthController(gateway(), List.of()).health().getStatusCode().value()).isEqualTo(200);
  }

  private static Gateway gateway() {
    return new Gateway(new SupergraphFile(SUPERGRAPH).load(), Map.of(), SubgraphSettings.DEFAULTS,
        new PlanExecutor(request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraphs here"))),
        OperationLimits.NONE);
  }
}
