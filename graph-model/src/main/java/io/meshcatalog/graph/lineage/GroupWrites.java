package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.ColumnSource;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.SchemaField;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a group of OpenLineage events writes, as the parameters of one statement per kind of thing: the events are
 * folded here, in the order they were sent, so that each run, job and dataset is one row of its statement and each
 * statement compares with what is stored once. Folding gives what storing the events one after another gives: a
 * run's state is its latest event's (by event time, the later sent on a tie), a dataset's newest run likewise, a
 * job's last seen time and producer the last sent, a run's error its last one. Pure, so that is checked without a
 * database.
 *
 * @param datasets each dataset known only from OpenLineage once, with every schema field the events give it (the
 *     last sent of each name)
 * @param jobs each job once, as its last event describes it
 * @param jobReads the datasets jobs read ({@code job}, {@code dataset}), from events that carry lineage
 * @param jobWrites the datasets jobs write, likewise
 * @param runs each run once, folded over its events
 * @param runReads what each run read ({@code run}, {@code dataset}), whatever its outcome
 * @param runWrites what each run wrote, likewise
 * @param written each dataset a run wrote once: its newest run and last complete write among these events
 * @param feeds dataset lineage ({@code input}, {@code output}, {@code job})
 * @param columns column lineage
 * @param quality one data quality result per run and dataset, the last reported
 * @param failing each dataset a failed or aborted run wrote, where its event was the newest of the group's on the
 *     dataset when sent: an alert when it is newer than what the dataset last heard, as one by one
 */
record GroupWrites(
        List<Map<String, Object>> datasets,
        List<Map<String, Object>> jobs,
        List<Map<String, Object>> jobReads,
        List<Map<String, Object>> jobWrites,
        List<Map<String, Object>> runs,
        List<Map<String, Object>> runReads,
        List<Map<String, Object>> runWrites,
        List<Map<String, Object>> written,
        List<Map<String, Object>> feeds,
        List<Map<String, Object>> columns,
        List<Map<String, Object>> quality,
        List<Map<String, Object>> failing) {

    /**
     * The parameters of the statement that writes the group, with what each stored event is settled with. The
     * statement looks each dataset, job and run up once: the rows name them by their place in {@code datasetIds},
     * {@code jobs} and {@code runs} as well as by id ({@code datasetAt}, {@code jobAt}, {@code runAt} beside
     * {@code dataset}, {@code job}, {@code run}).
     */
    Map<String, Object> parameters(List<Map<String, Object>> settled) {
        Places datasetIds = new Places();
        Places jobIds = new Places();
        Places runIds = new Places();
        jobs.forEach(job -> jobIds.of(job.get("id")));
        runs.forEach(run -> runIds.of(run.get("id")));
        List<Map<String, Object>> runJobs = new ArrayList<>();
        runs.forEach(run -> ((List<?>) run.get("jobs"))
                .forEach(job -> runJobs.add(Map.of("runAt", runIds.of(run.get("id")), "jobAt", jobIds.of(job)))));
        Map<String, Places> places = Map.of(
                "dataset",
                datasetIds,
                "input",
                datasetIds,
                "output",
                datasetIds,
                "sourceDataset",
                datasetIds,
                "targetDataset",
                datasetIds,
                "job",
                jobIds,
                "run",
                runIds);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("datasets", datasets);
        parameters.put("jobs", jobs);
        parameters.put("runs", runs);
        parameters.put("runJobs", runJobs);
        parameters.put("jobReads", placed(jobReads, places));
        parameters.put("jobWrites", placed(jobWrites, places));
        parameters.put("runReads", placed(runReads, places));
        parameters.put("runWrites", placed(runWrites, places));
        parameters.put("written", placed(written, Map.of("dataset", datasetIds)));
        parameters.put("results", placed(quality, places));
        parameters.put("feeds", placed(feeds, places));
        parameters.put("columns", placed(columns, Map.of("sourceDataset", datasetIds, "targetDataset", datasetIds)));
        parameters.put("failing", placed(failing, Map.of("dataset", datasetIds)));
        parameters.put("settled", settled);
        parameters.put("datasetIds", datasetIds.ids());
        return parameters;
    }

    /** Places given in order of first use. */
    private static final class Places {
        private final Map<Object, Integer> places = new LinkedHashMap<>();

        int of(Object id) {
            return places.computeIfAbsent(id, key -> places.size());
        }

        List<Object> ids() {
            return List.copyOf(places.keySet());
        }
    }

    /** The rows with each id under one of {@code keys} also named by its place ({@code <key>At}). */
    private static List<Map<String, Object>> placed(List<Map<String, Object>> rows, Map<String, Places> keys) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> placed = new HashMap<>(row);
                    row.forEach((key, value) -> {
                        Places places = keys.get(key);
                        if (places != null) {
                            placed.put(key + "At", places.of(value));
                        }
                    });
                    return placed;
                })
                .toList();
    }

    /** Which graph dataset an event's dataset is: a catalog dataset it was matched to, or one of its own. */
    record Resolution(String id, boolean catalog) {}

    private static final Set<String> TERMINAL = Set.of("COMPLETE", "FAIL", "ABORT");

    /** Every dataset an event names, by key, in order: inputs, outputs, and the sources of its output columns. */
    static Map<String, EventDataset> datasets(LineageEvent event) {
        Map<String, EventDataset> byKey = new LinkedHashMap<>();
        event.inputs().forEach(d -> byKey.putIfAbsent(d.key(), d));
        event.outputs().forEach(d -> byKey.putIfAbsent(d.key(), d));
        event.outputs()
                .forEach(d -> d.columnLineage()
                        .values()
                        .forEach(sources -> sources.forEach(source -> byKey.putIfAbsent(
                                source.datasetKey(),
                                new EventDataset(source.namespace(), source.name(), List.of(), Map.of())))));
        return byKey;
    }

    /** What storing {@code event} touched, its datasets resolved. */
    static RecordedEvent recorded(LineageEvent event, Map<String, Resolution> resolved) {
        List<Resolution> named =
                datasets(event).keySet().stream().map(resolved::get).toList();
        List<String> datasets = named.stream().map(Resolution::id).distinct().toList();
        List<String> matched = named.stream()
                .filter(Resolution::catalog)
                .map(Resolution::id)
                .distinct()
                .toList();
        return new RecordedEvent(event.jobId(), event.runId(), datasets, matched, false);
    }

    /** The catalog datasets an event writes lineage into: its outputs that were matched to the catalog. */
    static List<String> catalogOutputs(LineageEvent event, Map<String, Resolution> resolved) {
        return event.outputs().stream()
                .map(d -> resolved.get(d.key()))
                .filter(Resolution::catalog)
                .map(Resolution::id)
                .distinct()
                .toList();
    }

    /** What {@code events}, in the order sent, write; every dataset they name is in {@code resolved}. */
    static GroupWrites of(List<LineageEvent> events, Map<String, Resolution> resolved) {
        Folds folds = new Folds();
        for (LineageEvent event : events) {
            folds.add(event, resolved);
        }
        return folds.writes();
    }

    /** The running folds over a group's events. */
    private static final class Folds {
        final Map<String, Map<String, Map<String, Object>>> datasets = new LinkedHashMap<>();
        final Map<String, EventDataset> named = new HashMap<>();
        final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        final Set<Map<String, Object>> jobReads = new LinkedHashSet<>();
        final Set<Map<String, Object>> jobWrites = new LinkedHashSet<>();
        final Map<String, RunFold> runs = new LinkedHashMap<>();
        final Set<Map<String, Object>> runReads = new LinkedHashSet<>();
        final Set<Map<String, Object>> runWrites = new LinkedHashSet<>();
        final Map<String, WriteFold> written = new LinkedHashMap<>();
        final Set<Map<String, Object>> feeds = new LinkedHashSet<>();
        final Set<Map<String, Object>> columns = new LinkedHashSet<>();
        final Map<String, Map<String, Object>> quality = new LinkedHashMap<>();
        final List<Map<String, Object>> failing = new ArrayList<>();

        void add(LineageEvent event, Map<String, Resolution> resolved) {
            datasets(event).values().stream()
                    .filter(d -> !resolved.get(d.key()).catalog())
                    .forEach(d -> {
                        named.putIfAbsent(d.key(), d);
                        Map<String, Map<String, Object>> fields =
                                datasets.computeIfAbsent(d.key(), key -> new LinkedHashMap<>());
                        d.fields().forEach(field -> fields.put(field.name(), field(field)));
                    });
            String job = event.jobId();
            if (job == null) {
                return;
            }
            List<String> inputs = event.inputs().stream()
                    .map(d -> resolved.get(d.key()).id())
                    .distinct()
                    .toList();
            List<String> outputs = event.outputs().stream()
                    .map(d -> resolved.get(d.key()).id())
                    .distinct()
                    .toList();
            Map<String, Object> jobRow = new HashMap<>();
            jobRow.put("id", job);
            jobRow.put("namespace", Objects.requireNonNull(event.jobNamespace()));
            jobRow.put("name", Objects.requireNonNull(event.jobName()));
            jobRow.put("time", time(event.eventTime()));
            jobRow.put("producer", event.producer());
            jobs.remove(job);
            jobs.put(job, jobRow);
            String run = event.runId();
            if (run != null) {
                addRun(event, run, job, inputs, outputs, resolved);
            }
            if (!event.carriesLineage()) {
                return;
            }
            inputs.forEach(input -> jobReads.add(Map.of("job", job, "dataset", input)));
            outputs.forEach(output -> jobWrites.add(Map.of("job", job, "dataset", output)));
            for (String input : inputs) {
                for (String output : outputs) {
                    feeds.add(Map.of("input", input, "output", output, "job", job));
                }
            }
            for (EventDataset output : event.outputs()) {
                output.columnLineage().forEach((field, sources) -> {
                    for (ColumnSource source : sources) {
                        columns.add(Map.of(
                                "sourceDataset",
                                resolved.get(source.datasetKey()).id(),
                                "sourceField",
                                source.field(),
                                "targetDataset",
                                resolved.get(output.key()).id(),
                                "targetField",
                                field,
                                "job",
                                job,
                                "transform",
                                ""));
                    }
                });
            }
        }

        private void addRun(
                LineageEvent event,
                String run,
                String job,
                List<String> inputs,
                List<String> outputs,
                Map<String, Resolution> resolved) {
            String type = Objects.requireNonNull(event.eventType());
            Instant at = event.eventTime();
            runs.computeIfAbsent(run, RunFold::new).add(event, job);
            inputs.forEach(input -> runReads.add(Map.of("run", run, "dataset", input)));
            outputs.forEach(output -> {
                runWrites.add(Map.of("run", run, "dataset", output));
                WriteFold fold = written.computeIfAbsent(output, WriteFold::new);
                fold.add(run, type, at);
                // a failure that is the newest word on the dataset so far: an alert, if it is newer than the stored
                if (!event.carriesLineage() && run.equals(fold.run) && type.equals(fold.state)) {
                    failing.add(Map.of("run", run, "job", job, "dataset", output, "state", type, "at", time(at)));
                }
            });
            Stream.concat(event.inputs().stream(), event.outputs().stream())
                    .filter(d -> d.quality() != null)
                    .forEach(d -> {
                        String dataset = resolved.get(d.key()).id();
                        quality.put(
                                run + " " + dataset,
                                Map.of(
                                        "run",
                                        run,
                                        "job",
                                        job,
                                        "dataset",
                                        dataset,
                                        "time",
                                        time(at),
                                        "properties",
                                        QualityParameters.of(Objects.requireNonNull(d.quality()))));
                    });
        }

        GroupWrites writes() {
            List<Map<String, Object>> own = new ArrayList<>();
            datasets.forEach((key, fields) -> own.add(ownDataset(named.get(key), List.copyOf(fields.values()))));
            return new GroupWrites(
                    own,
                    List.copyOf(jobs.values()),
                    List.copyOf(jobReads),
                    List.copyOf(jobWrites),
                    runs.values().stream().map(RunFold::row).toList(),
                    List.copyOf(runReads),
                    List.copyOf(runWrites),
                    written.values().stream().map(WriteFold::row).toList(),
                    List.copyOf(feeds),
                    List.copyOf(columns),
                    List.copyOf(quality.values()),
                    failing);
        }
    }

    /** A run over the group's events: its latest state, last error, start and end. */
    private static final class RunFold {
        final String id;
        final Set<String> jobs = new LinkedHashSet<>();

        @Nullable
        Instant latestAt;

        @Nullable
        String state;

        @Nullable
        String error;

        @Nullable
        Instant startedAt;

        @Nullable
        Instant endedAt;

        RunFold(String id) {
            this.id = id;
        }

        void add(LineageEvent event, String job) {
            Instant at = event.eventTime();
            String type = Objects.requireNonNull(event.eventType());
            jobs.add(job);
            if (latestAt == null || !at.isBefore(latestAt)) {
                latestAt = at;
                state = type;
            }
            if (event.errorMessage() != null) {
                error = event.errorMessage();
            }
            if (type.equals("START")) {
                startedAt = at;
            }
            if (TERMINAL.contains(type)) {
                endedAt = at;
            }
        }

        Map<String, Object> row() {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("jobs", List.copyOf(jobs));
            row.put("state", state);
            row.put("latestAt", time(Objects.requireNonNull(latestAt)));
            row.put("error", error);
            row.put("startedAt", startedAt == null ? null : time(startedAt));
            row.put("endedAt", endedAt == null ? null : time(endedAt));
            return row;
        }
    }

    /** A dataset runs wrote: its newest run among the group's events, and its last complete write. */
    private static final class WriteFold {
        final String dataset;

        @Nullable
        Instant latestAt;

        @Nullable
        String run;

        @Nullable
        String state;

        @Nullable
        Instant completeAt;

        WriteFold(String dataset) {
            this.dataset = dataset;
        }

        void add(String run, String type, Instant at) {
            if (latestAt == null || !at.isBefore(latestAt)) {
                latestAt = at;
                this.run = run;
                state = type;
            }
            if (type.equals("COMPLETE") && (completeAt == null || at.isAfter(completeAt))) {
                completeAt = at;
            }
        }

        Map<String, Object> row() {
            Map<String, Object> row = new HashMap<>();
            row.put("dataset", dataset);
            row.put("run", run);
            row.put("state", state);
            row.put("latestAt", time(Objects.requireNonNull(latestAt)));
            row.put("completeAt", completeAt == null ? null : time(completeAt));
            return row;
        }
    }

    private static Map<String, Object> ownDataset(EventDataset d, List<Map<String, Object>> fields) {
        return Map.of(
                "id",
                d.key(),
                "name",
                d.name(),
                "namespace",
                d.namespace(),
                "keywords",
                d.name().replace('.', ' ').replace('_', ' ') + " " + d.namespace(),
                "fields",
                fields);
    }

    private static Map<String, Object> field(SchemaField field) {
        return Map.of("name", field.name(), "type", field.type(), "description", field.description());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
