package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.execution.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /catalog/graphql}: the catalog subgraph over HTTP, for tools that compose or query
 * subgraphs themselves (rover, another gateway). The gateway itself calls it in-process.
 */
@RestController
@ConditionalOnCatalog
class CatalogHttpController {

  static final String PATH = "/catalog/graphql";

  private final CatalogSubgraph catalog;

  CatalogHttpController(CatalogSubgraph catalog) {
    this.catalog = catalog;
  }

  @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  CompletableFuture<ResponseEntity<Map<String, Object>>> graphql(@RequestBody Map<String, @Nullable Object> body) {
    if (!(body.get("query") instanceof String query)) {
      return CompletableFuture.completedFuture(ResponseEntity.badRequest()
          .body(Map.of("errors", List.of(Map.of("message", "the request has no \"query\" string")))));
    }
    if (body.get("variables") != null && !(body.get("variables") instanceof Map)) {
      return CompletableFuture.completedFuture(ResponseEntity.badRequest()
          .body(Map.of("errors", List.of(Map.of("message", "\"variables\" must be an object")))));
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> variables = body.get("variables") == null ? Map.of()
        : (Map<String, @Nullable Object>) body.get("variables");
    String operationName = body.get("operationName") instanceof String name ? name : null;
    return catalog.execute(query, operationName, variables, RequestContext.anonymous()).thenApply(ResponseEntity::ok);
  }
}
