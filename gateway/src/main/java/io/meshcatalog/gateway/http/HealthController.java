package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 once a supergraph is loaded and every {@link ReadinessCheck} has passed,
 * 503 naming what is still awaited before that. The gateway refuses to start without a supergraph.
 */
@RestController
class HealthController {

  private final Gateway gateway;
  private final List<ReadinessCheck> checks;

  HealthController(Gateway gateway, List<ReadinessCheck> checks) {
    this.gateway = gateway;
    this.checks = List.copyOf(checks);
  }

  @GetMapping("/health")
  ResponseEntity<Map<String, Object>> health() {
    List<String> waitingFor = checks.stream().filter(check -> !check.isReady()).map(ReadinessCheck::name).toList();
    int subgraphs = gateway.supergraph().subgraphs().size();
    if (!waitingFor.isEmpty()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "STARTING", "subgraphs", subgraphs, "waitingFor", waitingFor));
    }
    return ResponseEntity.ok(Map.of("status", "UP", "subgraphs", subgraphs));
  }
}
