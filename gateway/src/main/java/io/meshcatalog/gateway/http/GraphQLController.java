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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /graphql} (and {@code GET} for queries): GraphQL over HTTP with JSON in and out. */
@RestController
class GraphQLController {

  private final Gateway gateway;
  private final String planHeader;
  private final JsonMapper json;

  GraphQLController(Gateway gateway, GatewayProperties properties, JsonMapper json) {
    this.gateway = gateway;
    this.planHeader = properties.planHeaderName();
    this.json = json;
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

  /** GraphQL over HTTP's GET form, for queries only (a mutation over GET is refused by the spec). */
  @GetMapping(path = "/graphql", produces = MediaType.APPLICATION_JSON_VALUE)
  CompletableFuture<ResponseEntity<Map<String, Object>>> graphqlGet(@RequestParam(required = false) @Nullable String query,
      @RequestParam(required = false) @Nullable String operationName,
      @RequestParam(required = false) @Nullable String variables, @RequestHeader HttpHeaders headers) {
    if (query == null) {
      return CompletableFuture.completedFuture(badRequest("the request has no \"query\" parameter"));
    }
    if (query.stripLeading().startsWith("mutation")) {
      return CompletableFuture.completedFuture(ResponseEntity.status(405)
          .body(Map.of("errors", List.of(Map.of("message", "mutations must be sent with POST")))));
    }
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("operationName", operationName);
    if (variables != null && !variables.isBlank()) {
      try {
        body.put("variables", json.readValue(variables, Map.class));
      } catch (tools.jackson.core.JacksonException e) {
        return CompletableFuture.completedFuture(badRequest("\"variables\" is not a JSON object"));
      }
    }
    return graphql(body, headers);
  }

  private static ResponseEntity<Map<String, Object>> badRequest(String message) {
    return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("message", message))));
  }
}
