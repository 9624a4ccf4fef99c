package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 once a supergraph is loaded. The gateway refuses to start without one,
 * so an answering server is a ready one.
 */
@RestController
class HealthController {

  private final Gateway gateway;

  HealthController(Gateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/health")
  Map<String, Object> health() {
    return Map.of("status", "UP", "subgraphs", gateway.supergraph().subgraphs().size());
  }
}
