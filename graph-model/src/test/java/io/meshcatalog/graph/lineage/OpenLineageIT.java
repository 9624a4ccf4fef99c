package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.health.Health;
import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.openlineage.InvalidEventException;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

@Neo4jIntegrationTest
class OpenLineageIT {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private static final String SPARK_OUTPUT = "s3://lake/finance/revenue_by_order";

    private final Driver driver;
    private final LineageStore store;
    private final OpenLineageReader reader = new OpenLineageReader();

    OpenLineageIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(driver);
    }

    @BeforeEach
    void load() {
        store.initSchema();
        Fixtures.lineage().forEach(store::upsert);
    }

    @Test
    void aSparkRunLandsBesideTheMeshAndExtendsItsImpact() {
        RecordedEvent recorded = store.record(ADMIN, reader.read(fixture("spark-join-complete.json")));

        assertThat(recorded.matchedCatalogDatasets()).containsExactly("gamma.joined");
        assertThat(recorded.datasets()).containsExactly("gamma.joined", SPARK_OUTPUT);
        ImpactReport impact = store.impact(ADMIN, NodeRef.field("beta.left.amount"), null);
        assertThat(impact.ofKind(NodeKind.FIELD))
                .extracting(LineageNode::id, LineageNode::degree)
                .contains(tuple("gamma.joined.total", 1), tuple(SPARK_OUTPUT + ".order_total", 2));
        assertThat(impact.ofKind(NodeKind.DATASET)).extracting(LineageNode::id).contains(SPARK_OUTPUT);
        LineageResult upstream = store.lineage(ADMIN, NodeRef.dataset(SPARK_OUTPUT), Direction.UPSTREAM, 2);
        assertThat(upstream.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id)
                .containsExactly("gamma.joined", "beta.left", "beta.right");
        assertThat(run("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01")).isEqualTo("COMPLETE");
    }

    @Test
    void replayingAnEventAndReloadingDescriptorsKeepOneCopyOfTheJobsLineage() {
        store.record(ADMIN, reader.read(fixture("spark-join-complete.json")));
        List<String> once = GraphFingerprint.of(driver);

        store.record(ADMIN, reader.read(fixture("spark-join-complete.json")));
        Fixtures.lineage().forEach(store::upsert);

        assertThat(GraphFingerprint.of(driver)).isEqualTo(once);
    }

    @Test
    void aRetriedEventIsAcknowledgedAgainButStoredOnce() {
        String complete = fixture("spark-join-complete.json");
        String start = complete.replace("\"COMPLETE\"", "\"START\"").replace("06:15:00.000Z", "06:00:00.000Z");
        RecordedEvent first = store.record(ADMIN, reader.read(start));
        store.record(ADMIN, reader.read(complete));
        List<String> stored = GraphFingerprint.of(driver);

        // the START's sender timed out and sends it again, after the COMPLETE
        RecordedEvent retried = store.record(ADMIN, reader.read(start));

        assertThat(retried.duplicate()).isTrue();
        assertThat(first.duplicate()).isFalse();
        assertThat(retried.datasets()).isEqualTo(first.datasets());
        assertThat(retried.matchedCatalogDatasets()).isEqualTo(first.matchedCatalogDatasets());
        assertThat(run("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01"))
                .as("not set back to START")
                .isEqualTo("COMPLETE");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(stored);
    }

    @Test
    void theSameEventSentManyTimesAtOnceIsStoredOnce() throws Exception {
        String complete = fixture("spark-join-complete.json");
        List<java.util.concurrent.Callable<RecordedEvent>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sends.add(() -> store.record(ADMIN, reader.read(complete)));
        }
        assertThat(atOnce(8, sends))
                .extracting(RecordedEvent::duplicate)
                .containsOnlyOnce(false)
                .hasSize(16);
        assertThat(driver.executableQuery("MATCH (k:LineageEventKey) RETURN count(k) AS n")
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aSendersIdempotencyKeyMakesTwoBodiesOneEvent() {
        String complete = fixture("spark-join-complete.json");
        store.record(ADMIN, reader.read(complete), "key etl-7 batch-42");

        RecordedEvent again = store.record(
                ADMIN, reader.read(complete.replace("06:15:00.000Z", "06:16:00.000Z")), "key etl-7 batch-42");
        RecordedEvent other = store.record(ADMIN, reader.read(complete), "key etl-7 batch-43");

        assertThat(again.duplicate()).isTrue();
        assertThat(other.duplicate()).as("another key is another event").isFalse();
    }

    @Test
    void aFailedRunUpdatesItsStateButAddsNoLineage() {
        String failed = fixture("spark-join-complete.json").replace("\"COMPLETE\"", "\"FAIL\"");

        store.record(ADMIN, reader.read(failed));

        assertThat(run("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01")).isEqualTo("FAIL");
        assertThat(store.lineage(ADMIN, NodeRef.dataset("gamma.joined"), Direction.DOWNSTREAM, 3)
                        .ofKind(NodeKind.DATASET))
                .isEmpty();
    }

    @Test
    void anInvalidEventStoresNothing() {
        List<String> before = GraphFingerprint.of(driver);

        assertThatThrownBy(() -> store.record(ADMIN, reader.read(fixture("invalid-run.json"))))
                .isInstanceOf(InvalidEventException.class);

        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void onlyTheOwningTeamReportsAJobThatWritesIntoACatalogDataset() {
        // the reverse of the Spark job: it writes into gamma.joined, a dataset of the gamma-team's product
        String intoGamma = fixture("spark-join-complete.json")
                .replace("\"inputs\"", "\"swap\"")
                .replace("\"outputs\"", "\"inputs\"")
                .replace("\"swap\"", "\"outputs\"");
        List<String> before = GraphFingerprint.of(driver);

        assertThatThrownBy(() -> store.record(Viewer.of("mallory", Set.of("beta-team")), reader.read(intoGamma)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("catalog dataset gamma.joined, which team gamma-team owns");
        assertThat(GraphFingerprint.of(driver))
                .as("nothing of the refused event")
                .isEqualTo(before);

        RecordedEvent recorded = store.record(Viewer.of("gus", Set.of("gamma-team")), reader.read(intoGamma));
        assertThat(recorded.matchedCatalogDatasets()).containsExactly("gamma.joined");
        // a job that only reads a catalog dataset needs no ownership of it
        store.record(Viewer.of("fin-etl", Set.of("finance-team")), reader.read(fixture("spark-join-complete.json")));
    }

    @Test
    void aJobsRunsAreListedNewestFirstWithStateTimesAndTheLastWriteOfItsOutput() {
        String complete = fixture("spark-join-complete.json");
        String start = complete.replace("\"COMPLETE\"", "\"START\"").replace("06:15:00.000Z", "06:00:00.000Z");
        // the COMPLETE arrives before its START: the run's state is still the latest event's
        store.record(ADMIN, reader.read(complete));
        store.record(ADMIN, reader.read(start));
        String secondRun = "1c9f8a4d-2a8b-4b9f-8e55-3a4a0d2b8f02";
        String failed = complete.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", secondRun)
                .replace("\"COMPLETE\"", "\"FAIL\"")
                .replace("2026-11-20T06:15", "2026-11-21T06:15")
                .replace(
                        "\"facets\": {}",
                        "\"facets\": {\"errorMessage\": {\"message\": \"Executor lost: "
                                + "OutOfMemoryError\", \"programmingLanguage\": \"JAVA\"}}");
        store.record(ADMIN, reader.read(failed));

        JobView job = store.job(ADMIN, "spark-prod/nightly.revenue_by_order").orElseThrow();
        assertThat(store.job(Viewer.of("ana", Set.of()), job.id()))
                .as("any authenticated viewer")
                .isPresent();
        assertThat(job.inputs()).containsExactly("gamma.joined");
        assertThat(job.outputs()).containsExactly(SPARK_OUTPUT);
        assertThat(job.lastSeenAt()).startsWith("2026-11-21T06:15");
        assertThat(store.job(Viewer.PUBLIC, job.id()))
                .as("jobs are for authenticated viewers")
                .isEmpty();

        List<RunView> runs = store.runs(ADMIN, job.id(), null, 10);
        assertThat(runs)
                .extracting(RunView::id, RunView::state)
                .containsExactly(tuple(secondRun, "FAIL"), tuple("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "COMPLETE"));
        assertThat(runs.get(0).error()).isEqualTo("Executor lost: OutOfMemoryError");
        assertThat(runs.get(1).durationMs()).isEqualTo(15 * 60 * 1000L);
        assertThat(runs.get(1).error()).isNull();
        assertThat(store.runs(ADMIN, job.id(), java.time.Instant.parse("2026-11-21T00:00:00Z"), 10))
                .extracting(RunView::id)
                .containsExactly(secondRun);
        assertThat(store.runs(ADMIN, job.id(), null, 1)).hasSize(1);
        assertThatThrownBy(() -> store.runs(ADMIN, job.id(), null, 101))
                .hasMessageContaining("first must be between 1 and 100");

        assertThat(store.lastWrite(ADMIN, SPARK_OUTPUT))
                .as("the failed run wrote nothing that counts")
                .map(RunView::id)
                .contains("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01");
        assertThat(store.lastWrite(Viewer.PUBLIC, SPARK_OUTPUT)).isEmpty();
    }

    @Test
    void aDatasetIsFreshWithinItsSlaLateAfterItAndFailingWhenItsLatestRunFails() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-20T06:30:00Z"));
        LineageStore timed = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
        NodeRef one = NodeRef.dataset("gamma.one");
        NodeRef product = NodeRef.product("gamma.one");
        assertThat(timed.health(ADMIN, List.of(one)).get(one).status())
                .as("never written")
                .isEqualTo(HealthStatus.UNKNOWN);

        // a job completes writing the table at 06:15: fresh until 07:45 (frequency 1 h + latency 30 min)
        String complete = """
                {"eventType": "COMPLETE", "eventTime": "2026-11-20T06:15:00Z",
                 "producer": "https://example.com/scheduler", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                 "job": {"namespace": "scheduler", "name": "gamma.one_loader"},
                 "run": {"runId": "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01"},
                 "inputs": [], "outputs": [{"namespace": "postgres://warehouse:5432", "name": "warehouse.gamma.one"}]}
                """;
        timed.record(ADMIN, reader.read(complete));
        Health fresh = timed.health(ADMIN, List.of(one, product)).get(one);
        assertThat(fresh.status()).isEqualTo(HealthStatus.FRESH);
        assertThat(fresh.dueBy()).isEqualTo(java.time.Instant.parse("2026-11-20T07:45:00Z"));
        assertThat(timed.health(ADMIN, List.of(product)).get(product).status()).isEqualTo(HealthStatus.FRESH);

        clock.advance(java.time.Duration.ofMinutes(76));
        Health late = timed.health(ADMIN, List.of(one)).get(one);
        assertThat(late.status()).isEqualTo(HealthStatus.LATE);
        assertThat(late.reason()).contains("frequency 1 h + latency 30 min");

        String failed = complete.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "2d0a9b5e-3b9c-4c0a-9f66-4b5b1e3c9a03")
                .replace("\"COMPLETE\"", "\"FAIL\"")
                .replace("2026-11-20T06:15", "2026-11-20T07:40");
        timed.record(ADMIN, reader.read(failed));
        assertThat(timed.health(ADMIN, List.of(product)).get(product).status()).isEqualTo(HealthStatus.FAILING);
        SearchPage failing = timed.search(ADMIN, SearchQuery.text("").withHealth(HealthStatus.FAILING));
        assertThat(failing.hits())
                .extracting(SearchHit::kind, SearchHit::id)
                .containsExactlyInAnyOrder(
                        tuple(NodeKind.PRODUCT, "gamma.one"),
                        tuple(NodeKind.DATASET, "gamma.one"),
                        tuple(NodeKind.FIELD, "gamma.one.x"));
        assertThat(timed.search(ADMIN, SearchQuery.text("")).facets().get("health"))
                .contains(new FacetCount("FAILING", 3));
        // an older event arriving late changes nothing
        timed.record(
                ADMIN,
                reader.read(
                        complete.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "3e1b0c6f-4cad-4d1b-8a77-5c6c2f4dab04")
                                .replace("2026-11-20T06:15", "2026-11-20T06:20")));
        assertThat(timed.health(ADMIN, List.of(one)).get(one).status()).isEqualTo(HealthStatus.FAILING);
        assertThat(timed.health(Viewer.PUBLIC, List.of(one)))
                .as("an internal product's dataset")
                .isEmpty();
    }

    @Test
    void aRunsDataQualityIsKeptPerDatasetNewestFirst() {
        String first = fixture("quality-check-complete.json");
        String second = first.replace("7e4f9a03-2d3c-4b5a-9f4e-8a9b0c1d2e3f", "8f5a0b14-3e4d-4c6b-8a5f-9b0c1d2e3f40")
                .replace("2026-11-20T07:00", "2026-11-21T07:00")
                .replace("\"success\": false", "\"success\": true")
                .replace("\"nullCount\": 3", "\"nullCount\": 0");
        store.record(ADMIN, reader.read(first));
        store.record(ADMIN, reader.read(second));
        store.record(ADMIN, reader.read(second.replace("\"COMPLETE\"", "\"RUNNING\"")));

        List<QualityView> results = store.quality(ADMIN, "gamma.joined", 10);
        assertThat(results)
                .extracting(QualityView::run)
                .as("one per run, newest first")
                .containsExactly("8f5a0b14-3e4d-4c6b-8a5f-9b0c1d2e3f40", "7e4f9a03-2d3c-4b5a-9f4e-8a9b0c1d2e3f");
        assertThat(results.get(1).quality())
                .isEqualTo(reader.read(first).inputs().get(0).quality());
        assertThat(results.get(1).job()).isEqualTo("quality/gamma.joined_checks");
        assertThat(results.get(0).quality().columns().get(0).nullCount()).isEqualTo(0.0);
        assertThat(results.get(0).quality().columns().get(0).count())
                .as("not reported")
                .isNull();
        assertThat(store.quality(ADMIN, "gamma.joined", 1)).hasSize(1);
        assertThat(store.quality(Viewer.PUBLIC, "gamma.joined", 10))
                .as("for authenticated viewers")
                .isEmpty();
        assertThatThrownBy(() -> store.quality(ADMIN, "gamma.joined", 0)).hasMessageContaining("last must be");
    }

    @Test
    void eventsSentTogetherStoreWhatTheySentOneByOneStore() {
        String complete = fixture("spark-join-complete.json");
        String start = complete.replace("\"COMPLETE\"", "\"START\"").replace("06:15:00.000Z", "06:00:00.000Z");
        String loaded = """
                {"eventType": "COMPLETE", "eventTime": "2026-11-20T06:15:00Z",
                 "producer": "https://example.com/scheduler", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                 "job": {"namespace": "scheduler", "name": "gamma.one_loader"},
                 "run": {"runId": "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e02"},
                 "inputs": [], "outputs": [{"namespace": "postgres://warehouse:5432", "name": "warehouse.gamma.one"}]}
                """;
        String failed = loaded.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e02", "2d0a9b5e-3b9c-4c0a-9f66-4b5b1e3c9a03")
                .replace("\"COMPLETE\"", "\"FAIL\"")
                .replace("2026-11-20T06:15", "2026-11-20T07:40");
        String older = loaded.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e02", "3e1b0c6f-4cad-4d1b-8a77-5c6c2f4dab04")
                .replace("2026-11-20T06:15", "2026-11-20T06:20");
        String restarted = loaded.replace(
                        "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e02", "4f2c1d7a-5dbe-4e2c-9b88-6d7d3a5ebc05")
                .replace("\"COMPLETE\"", "\"START\"")
                .replace("2026-11-20T06:15", "2026-11-20T07:50");
        // out of order on purpose: a run's COMPLETE before its START, a failure followed by a newer run (its alert
        // stays), an older success after them, a retry
        List<String> sent = List.of(
                complete, start, fixture("quality-check-complete.json"), loaded, failed, restarted, older, complete);
        List<KeyedEvent> events =
                sent.stream().map(reader::read).map(KeyedEvent::of).toList();
        events.forEach(event -> store.record(ADMIN, event.event()));
        List<String> oneByOne = storedGraph();
        assertThat(run("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01")).isEqualTo("COMPLETE");

        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
        load();
        RecordedBatch together = store.record(ADMIN, events);

        assertThat(together.failure()).isNull();
        assertThat(together.outcomes())
                .extracting(outcome -> outcome.recorded().duplicate())
                .containsExactly(false, false, false, false, false, false, false, true);
        assertThat(storedGraph()).isEqualTo(oneByOne);
        assertThat(driver.executableQuery("MATCH (a:Alert {kind: 'FAILING'}) RETURN a.subject AS subject")
                        .execute()
                        .records())
                .extracting(row -> row.get("subject").asString())
                .containsExactly("gamma.one");
    }

    @Test
    void requestsSentAtOnceAreWrittenTogetherAndAKeyTwiceInOneIsStoredOnce() throws Exception {
        String complete = fixture("spark-join-complete.json");
        List<java.util.concurrent.Callable<RecordedBatch>> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            KeyedEvent event = KeyedEvent.of(reader.read(complete.replace(
                    "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e1" + i)));
            requests.add(() -> store.record(ADMIN, List.of(event, event)));
        }
        for (RecordedBatch batch : atOnce(6, requests)) {
            assertThat(batch.failure()).isNull();
            assertThat(batch.outcomes())
                    .extracting(outcome -> outcome.recorded().duplicate())
                    .as("the second copy is the first one sent again")
                    .containsExactly(false, true);
        }
        assertThat(driver.executableQuery("MATCH (r:Run)-[:OF_JOB]->(:Job) RETURN count(r) AS n")
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void anEventRefusedAmongOthersStoresNothingAndTheOthersAreStored() {
        String fromGamma = fixture("spark-join-complete.json");
        String intoGamma = fromGamma
                .replace("\"inputs\"", "\"swap\"")
                .replace("\"outputs\"", "\"inputs\"")
                .replace("\"swap\"", "\"outputs\"")
                .replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "5b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e05");
        String later =
                fromGamma.replace("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01", "6b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e06");
        Viewer beta = Viewer.of("bea", Set.of("beta-team"));

        RecordedBatch batch = store.record(
                beta,
                List.of(
                        KeyedEvent.of(reader.read(fromGamma)),
                        KeyedEvent.of(reader.read(intoGamma)),
                        KeyedEvent.of(reader.read(later))));

        assertThat(batch.failure()).isNull();
        assertThat(batch.outcomes())
                .extracting(RecordedBatch.Outcome::refusal)
                .containsExactly(
                        null,
                        "the event writes into catalog dataset gamma.joined, which team gamma-team owns; only its owners "
                                + "report jobs producing it (the writer's teams: [beta-team])",
                        null);
        assertThat(run("0b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e01")).isEqualTo("COMPLETE");
        assertThat(run("6b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e06")).isEqualTo("COMPLETE");
        assertThat(driver.executableQuery("MATCH (r:Run {id: '5b8e7f3c-1f7a-4a8e-9d44-2f3f9c1a7e05'}) RETURN r")
                        .execute()
                        .records())
                .as("nothing of the refused event")
                .isEmpty();
        RecordedEvent byOwner = store.record(Viewer.of("gus", Set.of("gamma-team")), reader.read(intoGamma));
        assertThat(byOwner.duplicate()).as("its key was given back").isFalse();
    }

    /**
     * The graph without the idempotency keys (their claims carry a random attempt and the time they were made) and
     * the times the fixtures' products were loaded (to the nanosecond, where events' times are to the minute here).
     */
    private List<String> storedGraph() {
        return GraphFingerprint.of(driver).stream()
                .filter(line -> !line.startsWith("[LineageEventKey]"))
                .map(line -> line.replaceAll("=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z", "=(loaded)"))
                .toList();
    }

    private String run(String id) {
        return driver.executableQuery("MATCH (r:Run {id: $id})-[:OF_JOB]->(:Job) RETURN r.state AS state")
                .withParameters(java.util.Map.of("id", id))
                .execute()
                .records()
                .get(0)
                .get("state")
                .asString();
    }

    private static String fixture(String name) {
        try (var in = OpenLineageIT.class.getResourceAsStream("/fixtures/openlineage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code calls} on {@code threads} threads at once and answers each one's result, in order. */
    private static <T> List<T> atOnce(int threads, List<java.util.concurrent.Callable<T>> calls) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<T>> sent = new java.util.ArrayList<>();
            calls.forEach(call -> sent.add(pool.submit(call)));
            List<T> results = new java.util.ArrayList<>();
            for (var one : sent) {
                results.add(one.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
