package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.UnknownNodeException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/impact.csv?kind=FIELD&id=orders.orders.shipped_on&depth=5}: the impact of a
 * node as a CSV download, for the people who plan a change in a spreadsheet. 400 names a bad
 * argument, 404 an unknown node; both as plain text.
 */
@RestController
@ConditionalOnCatalog
class ImpactCsvController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final LineageStore store;
  private final CatalogLimits limits = CatalogLimits.DEFAULT;

  ImpactCsvController(LineageStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/impact.csv")
  ResponseEntity<String> impact(@RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String id, @RequestParam(required = false) @Nullable Integer depth) {
    try {
      if (kind == null || id == null) {
        throw new IllegalArgumentException("kind (PRODUCT, DATASET or FIELD) and id are required");
      }
      NodeKind nodeKind;
      try {
        nodeKind = NodeKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("kind must be PRODUCT, DATASET or FIELD, got \"" + kind + "\"", e);
      }
      String csv = ImpactCsv.write(store.impact(new NodeRef(nodeKind, id), limits.depth("depth", depth)));
      String file = "impact-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(csv);
    } catch (UnknownNodeException e) {
      return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }
  }
}
