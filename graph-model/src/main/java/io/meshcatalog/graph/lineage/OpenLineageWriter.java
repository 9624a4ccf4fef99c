package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.ColumnSource;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.SchemaField;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import io.meshcatalog.graph.access.Viewer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Stores one validated OpenLineage event in one transaction: its datasets (matched to catalog
 * datasets by id or physical name, otherwise kept as {@code <namespace>/<name>}), the job and run,
 * and the dataset- and column-level lineage the job reports. Lineage edges carry the job's id, so
 * a product's own upserts never remove them. Exactly once: the event's idempotency key is claimed in the same
 * transaction ({@code ol-claim-event}), so an event sent again, even at the same moment, is acknowledged with what
 * the first one stored and writes nothing. Events take turns by size through a {@link WriteGate}, so large ones never
 * deadlock one another.
 */
final class OpenLineageWriter {

    /**
     * How long an event's idempotency key is remembered: a client retrying within it never stores the event twice.
     * OpenLineage clients retry within minutes; Stripe keeps its idempotency keys for a day.
     */
    static final Duration KEY_RETENTION = Duration.ofDays(7);

    /** How long an event waits for larger ones ahead of it before it is refused as "busy, retry". */
    static final Duration GATE_WAIT = Duration.ofSeconds(30);

    private final Driver driver;
    private final CypherLog log;
    private final WriteGate gate = new WriteGate(GATE_WAIT);

    OpenLineageWriter(Driver driver, CypherLog log) {
        this.driver = driver;
        this.log = log;
    }

    RecordedEvent record(Viewer writer, LineageEvent event, String idempotencyKey) {
        return gate.through(WriteGate.weight(event), () -> store(writer, event, idempotencyKey));
    }

    private RecordedEvent store(Viewer writer, LineageEvent event, String idempotencyKey) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                Record claim = log.single(tx, "ol-claim-event", Map.of("key", idempotencyKey,
                        "attempt", UUID.randomUUID().toString(), "now", OffsetDateTime.now(ZoneOffset.UTC),
                        "before", OffsetDateTime.now(ZoneOffset.UTC).minus(KEY_RETENTION)));
                if (!claim.get("fresh").asBoolean()) {
                    return new RecordedEvent(claim.get("job").asString(null), claim.get("run").asString(null),
                            claim.get("datasets").asList(Value::asString), claim.get("matched").asList(Value::asString),
                            true);
                }
                RecordedEvent recorded = write(tx, writer, event);
                Map<String, Object> settled = new HashMap<>();
                settled.put("key", idempotencyKey);
                settled.put("job", recorded.job());
                settled.put("run", recorded.run());
                settled.put("datasets", recorded.datasets());
                settled.put("matched", recorded.matchedCatalogDatasets());
                log.run(tx, "ol-settle-event", settled);
                return recorded;
            });
        }
    }

    private RecordedEvent write(TransactionContext tx, Viewer writer, LineageEvent event) {
        Map<String, EventDataset> byKey = new LinkedHashMap<>();
        event.inputs().forEach(d -> byKey.putIfAbsent(d.key(), d));
        event.outputs().forEach(d -> byKey.putIfAbsent(d.key(), d));
        event.outputs().forEach(d -> d.columnLineage().values().forEach(sources -> sources.forEach(source ->
                byKey.putIfAbsent(source.datasetKey(), new EventDataset(source.namespace(), source.name(),
                        List.of(), Map.of())))));

        Map<String, String> ids = new HashMap<>();
        List<String> matched = new ArrayList<>();
        List<Map<String, Object>> resolve = byKey.values().stream()
                .map(d -> Map.<String, Object>of("key", d.key(), "name", d.name())).toList();
        for (Record row : log.run(tx, "ol-resolve-datasets", Map.of("datasets", resolve))) {
            ids.put(row.get("key").asString(), row.get("id").asString());
            if (row.get("catalog").asBoolean()) {
                matched.add(row.get("id").asString());
            }
        }
        requireOwnOutputs(tx, writer, event, ids, matched);
        List<Map<String, Object>> own = byKey.values().stream().filter(d -> !matched.contains(ids.get(d.key())))
                .map(d -> Map.<String, Object>of("id", d.key(), "name", d.name(), "namespace", d.namespace(),
                        "keywords", d.name().replace('.', ' ').replace('_', ' ') + " " + d.namespace(),
                        "fields", d.fields().stream().map(OpenLineageWriter::field).toList()))
                .toList();
        log.run(tx, "ol-upsert-datasets", Map.of("datasets", own));

        if (event.kind() != LineageEvent.Kind.DATASET) {
            writeJob(tx, event, ids);
        }
        List<String> datasets = byKey.keySet().stream().map(ids::get).distinct().toList();
        return new RecordedEvent(event.jobId(), event.runId(), datasets, matched, false);
    }

    /**
     * Lineage written into a catalog dataset changes what its product's owners are told about: only their team (or
     * a viewer that sees everything) may report a job producing it. Checked in the writing transaction, so nothing
     * of a refused event is stored.
     */
    private void requireOwnOutputs(TransactionContext tx, Viewer writer, LineageEvent event, Map<String, String> ids,
            List<String> matched) {
        if (writer.everything()) {
            return;
        }
        List<String> outputs = event.outputs().stream().map(d -> ids.get(d.key())).filter(matched::contains)
                .distinct().toList();
        if (outputs.isEmpty()) {
            return;
        }
        for (Record row : log.run(tx, "ol-output-owners", Map.of("datasetIds", outputs))) {
            String team = row.get("team").isNull() ? null : row.get("team").asString();
            if (team == null || !writer.teams().contains(team)) {
                throw new AccessDeniedException("the event writes into catalog dataset " + row.get("dataset").asString()
                        + ", which " + (team == null ? "no team" : "team " + team) + " owns; only its owners report "
                        + "jobs producing it (the writer's teams: " + writer.teams() + ")");
            }
        }
    }

    private static Map<String, Object> run(LineageEvent event) {
        Map<String, Object> run = new HashMap<>();
        run.put("id", event.runId());
        run.put("eventType", event.eventType());
        run.put("error", event.errorMessage());
        return run;
    }

    private void writeJob(TransactionContext tx, LineageEvent event, Map<String, String> ids) {
        String job = event.jobId();
        List<String> inputs = event.inputs().stream().map(d -> ids.get(d.key())).distinct().toList();
        List<String> outputs = event.outputs().stream().map(d -> ids.get(d.key())).distinct().toList();
        Map<String, Object> facts = new HashMap<>();
        facts.put("time", OffsetDateTime.ofInstant(event.eventTime(), ZoneOffset.UTC));
        facts.put("producer", event.producer());
        log.run(tx, "ol-upsert-job", Map.of(
                "job", Map.of("id", job, "namespace", event.jobNamespace(), "name", event.jobName()),
                "event", facts,
                "run", event.runId() == null ? List.of() : List.of(run(event)),
                "runInputs", inputs,
                "runOutputs", outputs,
                "inputs", event.carriesLineage() ? inputs : List.of(),
                "outputs", event.carriesLineage() ? outputs : List.of()));
        if (event.runId() != null && List.of("FAIL", "ABORT").contains(event.eventType())) {
            log.run(tx, "alert-failing", Map.of("outputs", outputs, "run", event.runId(), "job", job));
        }
        writeQuality(tx, event, ids);
        if (!event.carriesLineage()) {
            return;
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (String input : inputs) {
            for (String output : outputs) {
                edges.add(Map.of("input", input, "output", output, "job", job));
            }
        }
        log.run(tx, "ol-upsert-feeds", Map.of("edges", edges));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (EventDataset output : event.outputs()) {
            output.columnLineage().forEach((field, sources) -> {
                for (ColumnSource source : sources) {
                    columns.add(Map.of("sourceDataset", ids.get(source.datasetKey()), "sourceField", source.field(),
                            "targetDataset", ids.get(output.key()), "targetField", field, "job", job,
                            "transform", ""));
                }
            });
        }
        log.run(tx, "ol-upsert-columns", Map.of("edges", columns));
    }

    /** The data quality results the run reports, one per dataset (a run event only: they belong to the run). */
    private void writeQuality(TransactionContext tx, LineageEvent event, Map<String, String> ids) {
        if (event.runId() == null) {
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        Stream.concat(event.inputs().stream(), event.outputs().stream())
                .filter(d -> d.quality() != null).forEach(d -> results.add(Map.of("dataset", ids.get(d.key()),
                        "properties", QualityParameters.of(Objects.requireNonNull(d.quality())))));
        if (!results.isEmpty()) {
            log.run(tx, "ol-upsert-quality", Map.of("run", event.runId(), "job", event.jobId(), "results", results,
                    "time", OffsetDateTime.ofInstant(event.eventTime(), ZoneOffset.UTC)));
        }
    }

    private static Map<String, Object> field(SchemaField field) {
        return Map.of("name", field.name(), "type", field.type(), "description", field.description());
    }
}
