package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /graphql}: GraphQL over HTTP with JSON in and out. */
@RestController
class GraphQLController {

  private final Gateway gateway;
  private final String planHeader;

  GraphQLController(Gateway gateway, GatewayProperties properties) {
    this.gateway = gateway;
    this.planHeader = properties.planHeaderName();
  }

  @PostMapping(path = "/graphql", produces = MediaType.APPLICATION_JSON_VALUE)
  CompletableFuture<ResponseEntity<Map<String, Object>>> graphql(@RequestBody Map<String, @Nullable Object> body,
      @RequestHeader HttpHeaders headers) {
    if (!(body.get("query") instanceof String query)) {
      return CompletableFuture.completedFuture(badRequest("the request has no \"query\" string"));
    }
    Object operationName = body.get("operationName");
    Object variables = body.get("variables");
    if (variables != null && !(variables instanceof Map)) {
      return CompletableFuture.completedFuture(badRequest("\"variables\" must be an object"));
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> variableMap = variables == null ? Map.of() : (Map<String, @Nullable Object>) variables;
    Map<String, String> headerMap = new LinkedHashMap<>();
    headers.forEach((name, values) -> headerMap.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    boolean includePlan = "true".equalsIgnoreCase(headers.getFirst(planHeader));
    GatewayRequest request = new GatewayRequest(query, operationName instanceof String name ? name : null,
        variableMap, new RequestContext(null, headerMap), includePlan);
    return gateway.execute(request).thenApply(ResponseEntity::ok);
  }

  private static ResponseEntity<Map<String, Object>> badRequest(String message) {
    return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("message", message))));
  }
}
