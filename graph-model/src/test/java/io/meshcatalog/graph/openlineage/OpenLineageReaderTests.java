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
        assertThat(event.inputs())
                .extracting(EventDataset::key)
                .containsExactly("postgres://warehouse:5432/gamma.joined");
        EventDataset output = event.outputs().get(0);
        assertThat(output.fields())
                .containsExactly(new SchemaField("order_total", "decimal(12,2)", "Total per order."));
        assertThat(output.columnLineage().get("order_total"))
                .containsExactly(new ColumnSource("postgres://warehouse:5432", "gamma.joined", "total"));
        assertThat(event.carriesLineage()).isTrue();
    }

    @Test
    void dataQualityAssertionsAndMetricsAreReadWhereverTheProducerPutThem() {
        String event = fixture("quality-check-complete.json");
        DatasetQuality quality = reader.read(event).inputs().get(0).quality();

        assertThat(quality).isNotNull();
        assertThat(quality.rowCount()).isEqualTo(1200.0);
        assertThat(quality.bytes()).isEqualTo(48000.0);
        assertThat(quality.assertions())
                .containsExactly(
                        new DatasetQuality.Assertion("not_null", false, "total", "error"),
                        new DatasetQuality.Assertion("row_count_between", true, null, null));
        assertThat(quality.columns())
                .containsExactly(new DatasetQuality.ColumnMetrics("total", 3.0, 1100.0, null, null, 0.5, 980.25));
        assertThat(reader.read(event.replace("inputFacets", "facets"))
                        .inputs()
                        .get(0)
                        .quality())
                .isEqualTo(quality);
        assertThat(reader.read(fixture("spark-join-complete.json"))
                        .inputs()
                        .get(0)
                        .quality())
                .isNull();
    }

    @Test
    void badOrTooManyQualityEntriesAreNamedByTheirPointer() {
        InvalidEventException bad = catchThrowableOfType(
                InvalidEventException.class,
                () -> reader.read(fixture("quality-check-complete.json")
                        .replace("\"success\": true", "\"success\": \"yes\"")
                        .replace("\"nullCount\": 3", "\"nullCount\": \"three\"")));
        assertThat(bad.problems())
                .containsExactlyInAnyOrder(
                        "/inputs/0/inputFacets/dataQualityAssertions/assertions/1/success: required, true or false",
                        "/inputs/0/inputFacets/dataQualityMetrics/columnMetrics/total/nullCount: expected a number");

        OpenLineageReader small = new OpenLineageReader(new IntakeLimits(10, 100, 2, 100, 10, "catalog.openlineage"));
        InvalidEventException many = catchThrowableOfType(
                InvalidEventException.class, () -> small.read(fixture("quality-check-complete.json")));
        assertThat(many.problems())
                .singleElement()
                .asString()
                .contains(
                        "/inputs/0/inputFacets/dataQualityMetrics/columnMetrics: 3 fields so far",
                        "at most 2 (catalog.openlineage.max-fields)");
    }

    @Test
    void aFailedRunsErrorMessageIsKeptCutToItsBound() {
        String failed = fixture("spark-join-complete.json").replace("\"COMPLETE\"", "\"FAIL\"");
        assertThat(reader.read(failed).errorMessage())
                .as("no errorMessage facet")
                .isNull();

        String message = "Executor lost: " + "x".repeat(5_000);
        LineageEvent event = reader.read(failed.replace(
                "\"facets\": {}",
                "\"facets\": {\"errorMessage\": {\"message\": \"" + message
                        + "\", \"programmingLanguage\": \"JAVA\"}}"));

        assertThat(event.errorMessage())
                .startsWith("Executor lost: xxx")
                .endsWith("…")
                .hasSize(LineageEvent.MAX_ERROR + 1);
    }

    @Test
    void everyProblemIsNamedByItsJsonPointer() {
        InvalidEventException error =
                catchThrowableOfType(InvalidEventException.class, () -> reader.read(fixture("invalid-run.json")));

        assertThat(error.problems())
                .containsExactlyInAnyOrder(
                        "/eventTime: expected an ISO-8601 date-time such as 2026-11-20T06:15:00Z (without an offset it is "
                                + "taken as UTC), found 'yesterday'",
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
        assertThatThrownBy(() -> reader.read("{not json"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.read("[]")).hasMessageContaining("expected a JSON object");
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y"}
                """))
                        .problems())
                .containsExactly("/: not a run, job or dataset event: expected a 'run', 'job' or 'dataset' key");
    }

    @Test
    void oversizedEventsAreRefusedNamingTheSetting() {
        String datasets = String.join(
                ",",
                java.util.Collections.nCopies(
                        IntakeLimits.DEFAULTS.datasets() + 1, "{\"namespace\": \"n\", \"name\": \"d\"}"));
        assertThatThrownBy(() -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "job": {"namespace": "a", "name": "b"}, "inputs": [%s]}
                """.formatted(datasets)))
                .hasMessageContaining(
                        "/inputs: 1001 datasets; at most 1000 (catalog.openlineage.max-datasets) per event");
    }

    @Test
    void columnSourcesBeyondTheLimitAreRefusedWithoutReadingThemAll() {
        OpenLineageReader small = new OpenLineageReader(new IntakeLimits(10, 100, 100, 3, 10, "catalog.openlineage"));
        String sources = String.join(
                ",",
                java.util.Collections.nCopies(100_000, "{\"namespace\": \"n\", \"name\": \"d\", \"field\": \"f\"}"));
        InvalidEventException refused =
                catchThrowableOfType(InvalidEventException.class, () -> small.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "job": {"namespace": "a", "name": "b"}, "run": {"runId": "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01"},
                 "outputs": [{"namespace": "n", "name": "o", "facets": {"columnLineage": {"fields":
                   {"total": {"inputFields": [%s]}}}}}]}
                """.formatted(sources)));
        assertThat(refused.problems())
                .containsExactly("/outputs/0/facets/columnLineage/fields/total/inputFields: "
                        + "100000 column sources so far; at most 3 (catalog.openlineage.max-input-fields) per event");
    }

    @Test
    void inputsTimesOutputsAreBounded() {
        OpenLineageReader small = new OpenLineageReader(new IntakeLimits(10, 4, 100, 100, 10, "catalog.openlineage"));
        String three = "[{\"namespace\": \"n\", \"name\": \"a\"}, {\"namespace\": \"n\", \"name\": \"b\"},"
                + " {\"namespace\": \"n\", \"name\": \"c\"}]";
        assertThatThrownBy(() -> small.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "job": {"namespace": "a", "name": "b"}, "inputs": %s, "outputs": %s}
                """.formatted(three, three)))
                .hasMessageContaining("3 inputs times 3 outputs make 9 dataset lineage edges; at most 4 "
                        + "(catalog.openlineage.max-dataset-edges) per event");
    }

    @Test
    void aFloodOfBadEntriesIsToldAsACount() {
        String bad = String.join(",", java.util.Collections.nCopies(500, "{\"namespace\": 1}"));
        InvalidEventException refused =
                catchThrowableOfType(InvalidEventException.class, () -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "job": {"namespace": "a", "name": "b"}, "inputs": [%s]}
                """.formatted(bad)));
        assertThat(refused.problems())
                .hasSize(OpenLineageReader.MAX_PROBLEMS + 1)
                .last()
                .isEqualTo("… and 950 more problems");
    }

    @Test
    void namesWithControlCharactersAreRefusedWhereTheyAre() {
        InvalidEventException refused = catchThrowableOfType(InvalidEventException.class, () -> reader.read("""
                {"eventTime": "2026-11-20T06:15:00Z", "producer": "https://x", "schemaURL": "https://y",
                 "dataset": {"namespace": "s3://lake", "name": "orders\\u0000daily"}}
                """));
        assertThat(refused.problems())
                .containsExactly("/dataset/name: contains the control character U+0000 at "
                        + "index 6; names must be printable");
    }

    @Test
    void anEventTimeWithoutAnOffsetIsTakenAsUtcAsMarquezDoes() {
        String event = """
                {"eventTime": "%s", "producer": "https://x", "schemaURL": "https://y",
                 "dataset": {"namespace": "s3://lake", "name": "orders"}}
                """;
        assertThat(reader.read(event.formatted("2026-11-20T06:15:00")).eventTime())
                .isEqualTo(java.time.Instant.parse("2026-11-20T06:15:00Z"));
        assertThat(reader.read(event.formatted("2026-11-20T08:15:00+01:00[Europe/Berlin]"))
                        .eventTime())
                .isEqualTo(java.time.Instant.parse("2026-11-20T07:15:00Z"));
        assertThatThrownBy(() -> reader.read(event.formatted("yesterday")))
                .hasMessageContaining("/eventTime: expected an ISO-8601 date-time");
    }

    static String fixture(String name) {
        try (var in = OpenLineageReaderTests.class.getResourceAsStream("/fixtures/openlineage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
