package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.RecordedEvent;
import io.meshcatalog.graph.openlineage.InvalidEventException;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/lineage}: the route Marquez, DataHub and OpenMetadata accept, so Airflow,
 * Spark, dbt and Flink integrations point at the gateway unchanged. A valid OpenLineage 2-0-x run,
 * job or dataset event is stored in one transaction (201 with what it touched); an invalid one is
 * refused whole (400 with every problem at its JSON pointer) and nothing is stored.
 */
@RestController
@ConditionalOnCatalog
class OpenLineageController {

  private final OpenLineageReader reader = new OpenLineageReader();
  private final LineageStore store;

  OpenLineageController(LineageStore store) {
    this.store = store;
  }

  @PostMapping(path = "/api/v1/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, @Nullable Object>> record(@RequestBody(required = false) @Nullable String body) {
    LineageEvent event;
    try {
      event = reader.read(body == null ? "" : body);
    } catch (InvalidEventException e) {
      Map<String, @Nullable Object> errors = new LinkedHashMap<>();
      errors.put("errors", e.problems());
      return ResponseEntity.badRequest().body(errors);
    }
    RecordedEvent recorded = store.record(event);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job", recorded.job());
    out.put("run", recorded.run());
    out.put("datasets", recorded.datasets());
    out.put("matchedCatalogDatasets", recorded.matchedCatalogDatasets());
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }
}
