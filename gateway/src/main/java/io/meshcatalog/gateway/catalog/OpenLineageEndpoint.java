package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.RecordedEvent;
import io.meshcatalog.graph.openlineage.InvalidEventException;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/lineage}: the route Marquez, DataHub and OpenMetadata accept, so Airflow,
 * Spark, dbt and Flink integrations point at the gateway unchanged. A valid OpenLineage 2-0-x run,
 * job or dataset event is stored in one transaction (201 with what it touched); an invalid one is
 * refused whole (400 with every problem at its JSON pointer) and nothing is stored. Only a body declared as JSON is
 * read: a web page can send {@code text/plain} or form data to any site without asking, JSON it cannot.
 */
class OpenLineageEndpoint {

  private final OpenLineageReader reader = new OpenLineageReader();
  private final LineageStore store;
  private final JsonMapper json;

  OpenLineageEndpoint(LineageStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  CompletableFuture<HttpAnswer> handle(HttpCall call) {
    String notJson = call.notJson("an OpenLineage event as JSON");
    if (notJson != null) {
      return CompletableFuture.completedFuture(HttpAnswer.error(415, notJson, json));
    }
    LineageEvent event;
    try {
      event = reader.read(new String(call.body(), StandardCharsets.UTF_8));
    } catch (InvalidEventException e) {
      Map<String, @Nullable Object> errors = new LinkedHashMap<>();
      errors.put("errors", e.problems());
      return CompletableFuture.completedFuture(HttpAnswer.json(400, errors, json));
    }
    RecordedEvent recorded = store.record(event);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("job", recorded.job());
    out.put("run", recorded.run());
    out.put("datasets", recorded.datasets());
    out.put("matchedCatalogDatasets", recorded.matchedCatalogDatasets());
    return CompletableFuture.completedFuture(HttpAnswer.json(201, out, json));
  }
}
