package io.meshcatalog.graph.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenLineageReaderTests {

    private final OpenLineageReader reader = new OpenLineageReader();

    @Test
    void runEventWithSchemaAndColumnLineageIsRead() {
        LineageEvent event = reader.read(fixture("spark-join-complete.json"));

        assertThat(event.kind()).isEqualTo(LineageEvent.Kind.RUN);
        assertThat(event.eventType()).isEqualTo("COMPLETE");
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2026-11-20T06:15:00Z"));
        assertThat(event.jobId()).isEqualTo("spark-prod/nightly.revenue_by_order");
        assertThat(event.inputs()).extracting(EventDataset::key).containsExactly("postgres://warehouse:5432/gamma.joined");
        EventDataset output = event.outputs().get(0);
        assertThat(output.fields()).containsExactly(new SchemaField("order_total", "decimal(12,2)", "Total per order."));
        assertThat(output.columnLineage().get("order_total"))
                .containsExactly(new ColumnSource("postgres://warehouse:5432", "gamma.joined", "total"));
        assertThat(event.carriesLineage()).isTrue();
    }

    @Test
    void everyProblemIsNamedByItsJsonPointer() {
        InvalidEventException error = catchThrowableOfType(InvalidEventException.class,
                () -> reader.read(fixture("invalid-run.json")));

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "/eventTime: expected an ISO-8601 date-time with offset, found 'yesterday'",
                "/producer: expected an absolute URI, found 'not a uri'",
                "/schemaURL: required, a non-empty string",
                "/run/runId: expected a UUID, found '42'",
                "/eventType: expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER; found 'FINISHED'",
                "/job/name: required, a non-empty string",
                "/inputs/0/namespace: required, a non-empty string",
                "/outputs/0/facets/columnLineage/fields/a~1b/inputFields/0/name: required, a non-empty string",
                "/outputs/0/facets/columnLineage/fields/a~1b/inputFields/0/field: required, a non-empty string");
    }

    @Test
    void datasetAndJobEventsAreTold() {
        LineageEvent dataset = reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://example.org/dbt",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent",
                 "dataset": {"namespace": "dbt", "name": "stg_orders"}}
                """);
        assertThat(dataset.kind()).isEqualTo(LineageEvent.Kind.DATASET);
        assertThat(dataset.outputs()).extracting(EventDataset::key).containsExactly("dbt/stg_orders");

        LineageEvent job = reader.read("""
                {"eventTime": "2026-11-20T06:15:00+01:00", "producer": "https://example.org/airflow",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent",
                 "job": {"namespace": "airflow", "name": "daily"}, "inputs": [], "outputs": []}
                """);
        assertThat(job.kind()).isEqualTo(LineageEvent.Kind.JOB);
        assertThat(job.runId()).isNull();
    }

    @Test
    void notJsonOrNotAnEventIsRejected() {
        assertThatThrownBy(() -> reader.read("{not json")).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.read("[]")).hasMessageContaining("expected a JSON object");
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y"}
                """)).problems()).containsExactly(
                        "/: not a run, job or dataset event: expected a 'run', 'job' or 'dataset' key");
    }

    @Test
    void oversizedEventsAreRefused() {
        String datasets = String.join(",", java.util.Collections.nCopies(OpenLineageReader.MAX_DATASETS + 1,
                "{\"namespace\": \"n\", \"name\": \"d\"}"));
        assertThatThrownBy(() -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "job": {"namespace": "a", "name": "b"}, "inputs": [%s]}
                """.formatted(datasets))).hasMessageContaining("at most 1000 per event");
    }

    static String fixture(String name) {
        try (var in = OpenLineageReaderTests.class.getResourceAsStream("/fixtures/openlineage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
