package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.GroupWrites.Resolution;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
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
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Stores validated OpenLineage events: their datasets (matched to catalog datasets by id or physical name, otherwise
 * kept as {@code <namespace>/<name>}), jobs and runs, and the dataset- and column-level lineage the jobs report.
 * Lineage edges carry the job's id, so a product's own upserts never remove them.
 *
 * <p>Events are written in groups, one transaction per group, each statement once per group over what
 * {@link GroupWrites} folded from the events: the events of one request, and the requests that arrived together (a
 * {@link WriteQueue} writes one group at a time). Each event is still all or nothing: one that is refused writes
 * nothing, and when a group fails for a reason that is not the store's state (one event the store cannot take), its
 * requests are written again on their own and their events one by one, so the others are stored and only that one
 * fails.
 *
 * <p>Exactly once: an event's idempotency key is claimed in the transaction that writes it, so an event sent again,
 * even at the same moment, is acknowledged with what the first one stored and writes nothing.
 */
final class OpenLineageWriter {

    /**
     * How long an event's idempotency key is remembered: a client retrying within it never stores the event twice.
     * OpenLineage clients retry within minutes; Stripe keeps its idempotency keys for a day.
     */
    static final Duration KEY_RETENTION = Duration.ofDays(7);

    /** How long a request waits for the writes ahead of it before it is refused as "busy, retry". */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

    /** An event to write, for the writer that sent it. */
    private record Entry(Viewer writer, KeyedEvent event) {}

    private final Driver driver;
    private final CypherLog log;
    private final WriteQueue queue = new WriteQueue(QUEUE_WAIT, this::write);

    OpenLineageWriter(Driver driver, CypherLog log) {
        this.driver = driver;
        this.log = log;
    }

    /**
     * Stores one event.
     *
     * @throws AccessDeniedException when it is refused; nothing of it is stored
     */
    RecordedEvent record(Viewer writer, KeyedEvent event) {
        RecordedBatch batch = record(writer, List.of(event));
        if (batch.failure() != null) {
            throw batch.failure();
        }
        RecordedBatch.Outcome outcome = batch.outcomes().get(0);
        if (outcome.refusal() != null) {
            throw new AccessDeniedException(outcome.refusal());
        }
        return Objects.requireNonNull(outcome.recorded());
    }

    /** Stores events in the order given, each on its own terms; stops at the first the store fails on. */
    RecordedBatch record(Viewer writer, List<KeyedEvent> events) {
        return queue.submit(writer, events);
    }

    /** Writes requests taken together, on the queue's thread, and answers each. */
    private void write(List<WriteQueue.Submission> taken) {
        if (taken.size() == 1) {
            WriteQueue.Submission alone = taken.get(0);
            alone.done().complete(writeAlone(alone.writer(), alone.events()));
            return;
        }
        List<Entry> entries = new ArrayList<>();
        taken.forEach(submission ->
                submission.events().forEach(event -> entries.add(new Entry(submission.writer(), event))));
        List<RecordedBatch.Outcome> outcomes;
        try {
            outcomes = transaction(entries);
        } catch (RuntimeException failure) {
            for (WriteQueue.Submission submission : taken) {
                submission
                        .done()
                        .complete(
                                failure instanceof RetryableException
                                        ? new RecordedBatch(List.of(), failure)
                                        : writeAlone(submission.writer(), submission.events()));
            }
            return;
        }
        int at = 0;
        for (WriteQueue.Submission submission : taken) {
            int size = submission.events().size();
            submission.done().complete(new RecordedBatch(outcomes.subList(at, at + size), null));
            at += size;
        }
    }

    /**
     * One request's events, in groups; when a group fails for a reason that is not the store's state, its events one
     * by one. Stops at the first event the store fails on.
     */
    private RecordedBatch writeAlone(Viewer writer, List<KeyedEvent> events) {
        List<RecordedBatch.Outcome> outcomes = new ArrayList<>();
        for (List<KeyedEvent> group : groups(events)) {
            try {
                outcomes.addAll(transaction(entries(writer, group)));
            } catch (RuntimeException failure) {
                if (group.size() == 1 || failure instanceof RetryableException) {
                    return new RecordedBatch(outcomes, failure);
                }
                for (KeyedEvent event : group) {
                    try {
                        outcomes.addAll(transaction(entries(writer, List.of(event))));
                    } catch (RuntimeException alone) {
                        return new RecordedBatch(outcomes, alone);
                    }
                }
            }
        }
        return new RecordedBatch(outcomes, null);
    }

    /** Consecutive events, as many together as fit one transaction's {@link GroupBounds}. */
    static List<List<KeyedEvent>> groups(List<KeyedEvent> events) {
        List<List<KeyedEvent>> groups = new ArrayList<>();
        List<KeyedEvent> group = new ArrayList<>();
        GroupBounds bounds = new GroupBounds();
        for (KeyedEvent event : events) {
            if (!bounds.take(List.of(event))) {
                groups.add(group);
                group = new ArrayList<>();
                bounds = new GroupBounds();
                bounds.take(List.of(event));
            }
            group.add(event);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static List<Entry> entries(Viewer writer, List<KeyedEvent> events) {
        return events.stream().map(event -> new Entry(writer, event)).toList();
    }

    /** One transaction; how many events each one writes is {@code meshcatalog.openlineage.transaction.events}. */
    private List<RecordedBatch.Outcome> transaction(List<Entry> entries) {
        List<RecordedBatch.Outcome> outcomes;
        try (Session session = CausalSessions.open(driver)) {
            outcomes = session.executeWrite(tx -> write(tx, entries));
        }
        DistributionSummary.builder("meshcatalog.openlineage.transaction.events")
                .description("OpenLineage events written in one transaction: a request's, or several requests' "
                        + "together")
                .register(Metrics.globalRegistry)
                .record(entries.size());
        return outcomes;
    }

    private List<RecordedBatch.Outcome> write(TransactionContext tx, List<Entry> group) {
        String attempt = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, EventDataset> named = new LinkedHashMap<>();
        group.forEach(entry -> GroupWrites.datasets(entry.event().event()).forEach(named::putIfAbsent));
        Record claimed = log.single(
                tx,
                "ol-claim-events",
                Map.of(
                        "keys",
                        group.stream().map(entry -> entry.event().key()).toList(),
                        "datasets",
                        named.values().stream()
                                .map(d -> Map.of("key", d.key(), "name", d.name()))
                                .toList(),
                        "attempt",
                        attempt,
                        "now",
                        now,
                        "before",
                        now.minus(KEY_RETENTION)));
        Map<String, Value> claims = new HashMap<>();
        claimed.get("claims")
                .values()
                .forEach(claim -> claims.put(claim.get("key").asString(), claim));
        Map<String, Resolution> resolved = new HashMap<>();
        claimed.get("resolved")
                .values()
                .forEach(row -> resolved.put(
                        row.get("key").asString(),
                        new Resolution(
                                row.get("id").asString(), row.get("catalog").asBoolean())));
        List<Entry> fresh = group.stream()
                .filter(entry -> claims.get(entry.event().key()).get("fresh").asBoolean())
                .toList();
        Map<String, String> refusals = refusals(tx, fresh, resolved);
        if (!refusals.isEmpty()) {
            log.run(tx, "ol-release-claims", Map.of("keys", List.copyOf(refusals.keySet()), "attempt", attempt));
        }
        List<LineageEvent> stored = new ArrayList<>();
        List<Map<String, Object>> settled = new ArrayList<>();
        List<RecordedBatch.Outcome> outcomes = new ArrayList<>();
        for (Entry entry : group) {
            KeyedEvent event = entry.event();
            Value claim = claims.get(event.key());
            String refusal = refusals.get(event.key());
            if (!claim.get("fresh").asBoolean()) {
                outcomes.add(RecordedBatch.Outcome.stored(new RecordedEvent(
                        claim.get("job").asString(null),
                        claim.get("run").asString(null),
                        claim.get("datasets").asList(Value::asString),
                        claim.get("matched").asList(Value::asString),
                        true)));
            } else if (refusal != null) {
                outcomes.add(RecordedBatch.Outcome.refused(refusal));
            } else {
                RecordedEvent recorded = GroupWrites.recorded(event.event(), resolved);
                outcomes.add(RecordedBatch.Outcome.stored(recorded));
                stored.add(event.event());
                Map<String, Object> settle = new HashMap<>();
                settle.put("key", event.key());
                settle.put("job", recorded.job());
                settle.put("run", recorded.run());
                settle.put("datasets", recorded.datasets());
                settle.put("matched", recorded.matchedCatalogDatasets());
                settled.add(settle);
            }
        }
        if (!stored.isEmpty()) {
            log.run(tx, "ol-write-group", GroupWrites.of(stored, resolved).parameters(settled));
        }
        return outcomes;
    }

    /**
     * Lineage written into a catalog dataset changes what its product's owners are told about: only their team (or
     * a viewer that sees everything) may report a job producing it. Checked in the writing transaction, so nothing
     * of a refused event is stored. Why each refused event is refused, by key.
     */
    private Map<String, String> refusals(TransactionContext tx, List<Entry> entries, Map<String, Resolution> resolved) {
        Map<String, String> refusals = new LinkedHashMap<>();
        List<Map.Entry<Entry, List<String>>> checked = entries.stream()
                .filter(entry -> !entry.writer().everything())
                .map(entry -> Map.entry(
                        entry, GroupWrites.catalogOutputs(entry.event().event(), resolved)))
                .toList();
        List<String> outputs = checked.stream()
                .flatMap(check -> check.getValue().stream())
                .distinct()
                .toList();
        if (outputs.isEmpty()) {
            return refusals;
        }
        Map<String, @Nullable String> owners = new HashMap<>();
        for (Record row : log.run(tx, "ol-output-owners", Map.of("datasetIds", outputs))) {
            owners.put(
                    row.get("dataset").asString(),
                    row.get("team").isNull() ? null : row.get("team").asString());
        }
        for (Map.Entry<Entry, List<String>> check : checked) {
            Entry entry = check.getKey();
            Viewer writer = entry.writer();
            for (String dataset : check.getValue()) {
                if (!owners.containsKey(dataset)) {
                    continue;
                }
                String team = owners.get(dataset);
                if (team == null || !writer.teams().contains(team)) {
                    refusals.put(
                            entry.event().key(),
                            "the event writes into catalog dataset " + dataset + ", which "
                                    + (team == null ? "no team" : "team " + team)
                                    + " owns; only its owners report jobs "
                                    + "producing it (the writer's teams: " + writer.teams() + ")");
                    break;
                }
            }
        }
        return refusals;
    }
}
