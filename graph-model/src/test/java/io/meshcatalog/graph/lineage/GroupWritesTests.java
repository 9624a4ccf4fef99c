package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.lineage.GroupWrites.Resolution;
import io.meshcatalog.graph.openlineage.ColumnSource;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.SchemaField;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group's events fold into one row per run, job and dataset, as storing them one after another would leave them. */
class GroupWritesTests {

    private static final EventDataset IN =
            new EventDataset("pg", "in", List.of(new SchemaField("a", "int", "")), Map.of());
    private static final EventDataset OUT = new EventDataset(
            "s3",
            "out",
            List.of(new SchemaField("b", "int", "")),
            Map.of("b", List.of(new ColumnSource("pg", "in", "a"))));
    private static final Instant SIX = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void aRunsStateIsItsLatestEventsWhateverTheOrderSent() {
        GroupWrites writes = GroupWrites.of(
                List.of(run("r1", "COMPLETE", SIX.plusSeconds(900), "job"), run("r1", "START", SIX, "job")),
                resolved());

        assertThat(writes.runs()).singleElement().satisfies(run -> {
            assertThat(run)
                    .containsEntry("state", "COMPLETE")
                    .containsEntry("latestAt", at(SIX.plusSeconds(900)))
                    .containsEntry("startedAt", at(SIX))
                    .containsEntry("endedAt", at(SIX.plusSeconds(900)));
            assertThat(run.get("jobs")).isEqualTo(List.of("ns/job"));
        });
        assertThat(writes.written())
                .singleElement()
                .satisfies(out -> assertThat(out)
                        .containsEntry("dataset", "s3/out")
                        .containsEntry("state", "COMPLETE")
                        .containsEntry("completeAt", at(SIX.plusSeconds(900))));
    }

    @Test
    void onATieTheEventSentLaterIsTheNewestAndAJobIsAsItsLastEventDescribesIt() {
        GroupWrites writes = GroupWrites.of(
                List.of(
                        run("r1", "COMPLETE", SIX, "job"),
                        run("r2", "FAIL", SIX, "job"),
                        run("r3", "COMPLETE", SIX.minusSeconds(60), "job")),
                resolved());

        assertThat(writes.written())
                .singleElement()
                .satisfies(out -> assertThat(out)
                        .containsEntry("run", "r2")
                        .containsEntry("state", "FAIL")
                        .containsEntry("completeAt", at(SIX)));
        assertThat(writes.jobs())
                .singleElement()
                .satisfies(job -> assertThat(job)
                        .as("a job's last seen time is the last sent, as one by one")
                        .containsEntry("time", at(SIX.minusSeconds(60))));
        assertThat(writes.failing())
                .singleElement()
                .satisfies(failed -> assertThat(failed)
                        .containsEntry("run", "r2")
                        .containsEntry("dataset", "s3/out")
                        .containsEntry("state", "FAIL"));
    }

    @Test
    void aFailureIsAnAlertWhenItWasTheNewestWordOnItsDatasetWhenSentEvenIfANewerRunFollows() {
        GroupWrites followed = GroupWrites.of(
                List.of(run("r1", "FAIL", SIX, "job"), run("r2", "START", SIX.plusSeconds(300), "job")), resolved());
        GroupWrites late = GroupWrites.of(
                List.of(run("r2", "START", SIX.plusSeconds(300), "job"), run("r1", "FAIL", SIX, "job")), resolved());

        assertThat(followed.failing()).extracting(failed -> failed.get("run")).containsExactly("r1");
        assertThat(followed.written())
                .singleElement()
                .satisfies(out -> assertThat(out).containsEntry("run", "r2"));
        assertThat(late.failing())
                .as("older than what the dataset had heard when it came")
                .isEmpty();
    }

    @Test
    void theStatementNamesEachDatasetJobAndRunByItsPlace() {
        Map<String, Object> parameters = GroupWrites.of(
                        List.of(run("r1", "COMPLETE", SIX, "job"), run("r2", "FAIL", SIX.plusSeconds(60), "job")),
                        resolved())
                .parameters(List.of());

        List<Object> ids = list(parameters.get("datasetIds"));
        assertThat(ids).containsExactlyInAnyOrder("pg/in", "s3/out");
        for (String rows : List.of("jobReads", "jobWrites", "runReads", "runWrites", "written", "feeds", "failing")) {
            for (Object row : list(parameters.get(rows))) {
                Map<?, ?> placed = (Map<?, ?>) row;
                placed.forEach((key, value) -> {
                    if (key.equals("dataset") || key.equals("input") || key.equals("output")) {
                        assertThat(ids.get((Integer) placed.get(key + "At")))
                                .as(rows + "." + key)
                                .isEqualTo(value);
                    }
                });
            }
        }
        assertThat(list(parameters.get("runJobs")))
                .containsExactly(Map.of("runAt", 0, "jobAt", 0), Map.of("runAt", 1, "jobAt", 0));
        assertThat(list(parameters.get("runs")).stream()
                        .map(run -> ((Map<?, ?>) run).get("id"))
                        .toList())
                .isEqualTo(List.of("r1", "r2"));
    }

    @Test
    void aFailedRunKeepsWhatItReadAndWroteButAddsNoLineage() {
        GroupWrites writes = GroupWrites.of(List.of(run("r1", "FAIL", SIX, "job")), resolved());

        assertThat(writes.runReads()).containsExactly(Map.of("run", "r1", "dataset", "pg/in"));
        assertThat(writes.runWrites()).containsExactly(Map.of("run", "r1", "dataset", "s3/out"));
        assertThat(writes.feeds()).isEmpty();
        assertThat(writes.columns()).isEmpty();
        assertThat(writes.jobReads()).isEmpty();
    }

    @Test
    void aDatasetNamedByManyEventsIsWrittenOnceWithEveryFieldTheLastDefinitionOfEach() {
        EventDataset again = new EventDataset(
                "pg",
                "in",
                List.of(new SchemaField("a", "bigint", "widened"), new SchemaField("c", "text", "")),
                Map.of());
        LineageEvent second = new LineageEvent(
                LineageEvent.Kind.RUN, SIX, "p", "s", "r2", "COMPLETE", "ns", "job", List.of(again), List.of(OUT));

        GroupWrites writes = GroupWrites.of(List.of(run("r1", "COMPLETE", SIX, "job"), second), resolved());

        assertThat(writes.datasets()).extracting(d -> d.get("id")).containsExactly("pg/in", "s3/out");
        assertThat(writes.datasets().get(0).get("fields"))
                .isEqualTo(List.of(
                        Map.of("name", "a", "type", "bigint", "description", "widened"),
                        Map.of("name", "c", "type", "text", "description", "")));
        assertThat(writes.feeds())
                .as("one edge however often it is reported")
                .containsExactly(Map.of("input", "pg/in", "output", "s3/out", "job", "ns/job"));
        assertThat(writes.columns()).hasSize(1);
    }

    @Test
    void aCatalogDatasetIsNotWrittenAsOneOfOpenLineagesOwn() {
        Map<String, Resolution> resolved = new HashMap<>(resolved());
        resolved.put("pg/in", new Resolution("gamma.in", true));

        GroupWrites writes = GroupWrites.of(List.of(run("r1", "COMPLETE", SIX, "job")), resolved);

        assertThat(writes.datasets()).extracting(d -> d.get("id")).containsExactly("s3/out");
        assertThat(writes.feeds()).containsExactly(Map.of("input", "gamma.in", "output", "s3/out", "job", "ns/job"));
        assertThat(GroupWrites.recorded(run("r1", "COMPLETE", SIX, "job"), resolved)
                        .matchedCatalogDatasets())
                .containsExactly("gamma.in");
    }

    private static List<Object> list(Object value) {
        return new ArrayList<>((List<?>) value);
    }

    private static Map<String, Resolution> resolved() {
        return Map.of("pg/in", new Resolution("pg/in", false), "s3/out", new Resolution("s3/out", false));
    }

    private static LineageEvent run(String run, String type, Instant at, String job) {
        return new LineageEvent(LineageEvent.Kind.RUN, at, "p", "s", run, type, "ns", job, List.of(IN), List.of(OUT));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
