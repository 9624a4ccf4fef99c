package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /health}: 200 once a supergraph is loaded and every {@link ReadinessCheck} has passed,
 * 503 naming what is still awaited before that. The gateway refuses to start without a supergraph.
 */
final class HealthEndpoint {

  private final Gateway gateway;
  private final List<ReadinessCheck> checks;
  private final JsonMapper json;

  HealthEndpoint(Gateway gateway, List<ReadinessCheck> checks, JsonMapper json) {
    this.gateway = gateway;
    this.checks = List.copyOf(checks);
    this.json = json;
  }

  CompletableFuture<HttpAnswer> handle(HttpCall call) {
    List<String> waitingFor = checks.stream().filter(check -> !check.isReady()).map(ReadinessCheck::name).toList();
    int subgraphs = gateway.supergraph().subgraphs().size();
    HttpAnswer answer = waitingFor.isEmpty()
        ? HttpAnswer.json(200, Map.of("status", "UP", "subgraphs", subgraphs), json)
        : HttpAnswer.json(503, Map.of("status", "STARTING", "subgraphs", subgraphs, "waitingFor", waitingFor), json);
    return CompletableFuture.completedFuture(answer);
  }
}
