package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.http.ErrorExcerpts;
import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.graph.lineage.AccessDeniedException;
import io.meshcatalog.graph.lineage.KeyedEvent;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.RecordedBatch;
import io.meshcatalog.graph.lineage.RecordedEvent;
import io.meshcatalog.graph.openlineage.EventBatch;
import io.meshcatalog.graph.openlineage.InvalidEventException;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/lineage}: the route Marquez, DataHub and OpenMetadata accept, so Airflow,
 * Spark, dbt and Flink integrations point at the gateway unchanged. A valid OpenLineage 2-0-x run,
 * job or dataset event is stored in one transaction (201 with what it touched); an invalid one is
 * refused whole (400 with every problem at its JSON pointer) and nothing is stored. Several events in one request (a
 * JSON array, or NDJSON) are each stored or refused on their own, as if sent alone, written together in as few
 * transactions as their sizes allow, and answered together (200, each one's outcome in order). Requests from
 * several clients at once are written together too, one transaction at a time. Only a body declared as JSON (or
 * NDJSON) is read: a web page can send {@code text/plain} or form data to any site without asking, JSON it cannot.
 *
 * <p>Only authenticated callers write lineage (the route's access level), and only for the OpenLineage namespaces
 * their credential names: the job's and every output's. A job writing into a catalog dataset must belong to the
 * dataset's owning team. A refusal is 403 naming what is missing, recorded as ACCESS_DENIED; a stored event is in
 * the audit log (LINEAGE_INGESTED) before its 201 leaves.
 *
 * <p>Exactly once: an event is stored once per idempotency key, the sender's {@code Idempotency-Key} header when it
 * sends one, else the event's own identity (run id, event type and event time). Sent again, after a timeout or at the
 * same moment, it is acknowledged again (201, {@code "duplicate": true}, what the first one stored) and writes
 * nothing. What an event may carry is bounded ({@code catalog.openlineage.*}); a larger one is refused whole.
 */
class OpenLineageEndpoint {

    /** Newline-delimited JSON: one event per line. */
    static final String NDJSON = "application/x-ndjson";

    /** The longest {@code Idempotency-Key} accepted (the IETF draft's keys are UUIDs; Stripe allows 255). */
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final OpenLineageReader reader;
    private final LineageStore store;
    private final JsonMapper json;
    private final CatalogAccess access;
    private final AuditLog audit;
    private final Clock clock;

    OpenLineageEndpoint(
            LineageStore store,
            JsonMapper json,
            CatalogAccess access,
            AuditLog audit,
            Clock clock,
            OpenLineageReader reader) {
        this.reader = reader;
        this.store = store;
        this.json = json;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores one event; each is counted as {@code meshcatalog.openlineage.events} by outcome: {@code stored},
     * {@code duplicate} (a retry of an event already stored), {@code invalid} (unreadable, not OpenLineage, over a
     * limit), {@code refused} (outside the caller's namespaces), {@code failed} (the store could not take it).
     */
    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        try {
            return store(call);
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    private static CompletableFuture<HttpAnswer> counted(String outcome, HttpAnswer answer) {
        count(outcome);
        return CompletableFuture.completedFuture(answer);
    }

    private static void count(String outcome) {
        Metrics.counter("meshcatalog.openlineage.events", "outcome", outcome).increment();
    }

    private CompletableFuture<HttpAnswer> store(HttpCall call) {
        boolean lines = NDJSON.equals(call.mediaType());
        String notJson = lines ? null : call.notJson("an OpenLineage event as JSON");
        if (notJson != null) {
            return counted("invalid", HttpAnswer.error(415, notJson, json));
        }
        String idempotencyKey = call.header("idempotency-key");
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
                        || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
            return counted(
                    "invalid",
                    HttpAnswer.error(
                            400,
                            "the Idempotency-Key header must be 1 to " + MAX_IDEMPOTENCY_KEY
                                    + " printable characters; nothing was stored",
                            json));
        }
        String body = new String(call.body(), StandardCharsets.UTF_8);
        if (lines || body.stripLeading().startsWith("[")) {
            return storeAll(call, body, lines, idempotencyKey);
        }
        LineageEvent event;
        try {
            event = reader.read(body);
        } catch (InvalidEventException e) {
            return counted("invalid", HttpAnswer.json(400, problems(e.problems()), json));
        }
        Outcome outcome = storeOne(call, event, idempotencyKey);
        outcome.audited().join();
        return counted(outcome.counted(), HttpAnswer.json(outcome.status(), outcome.body(), json));
    }

    /**
     * Several events, each stored or refused on its own (all or nothing per event), answered 200 with each one's
     * outcome in order. The store writes them together, in as few transactions as their sizes allow. Once it fails on
     * one, the events after it are not stored: each says so, and the sender sends them again. With an
     * {@code Idempotency-Key}, each event's key is the sender's key and its place.
     */
    private CompletableFuture<HttpAnswer> storeAll(
            HttpCall call, String body, boolean lines, @Nullable String idempotencyKey) {
        List<EventBatch.Entry> entries;
        try {
            entries = lines ? EventBatch.ofLines(reader, body) : EventBatch.ofArray(reader, body);
        } catch (InvalidEventException e) {
            return counted("invalid", HttpAnswer.json(400, problems(e.problems()), json));
        }
        Outcome[] outcomes = new Outcome[entries.size()];
        List<EventBatch.Entry> sent = new ArrayList<>();
        List<KeyedEvent> keyed = new ArrayList<>();
        for (EventBatch.Entry entry : entries) {
            LineageEvent event = entry.event();
            String outside = event == null ? null : outsideNamespaces(call.caller(), event);
            if (event == null) {
                outcomes[entry.index()] = new Outcome("invalid", 400, problems(entry.problems()));
            } else if (outside != null) {
                outcomes[entry.index()] = refuse(call, target(event), outside);
            } else {
                sent.add(entry);
                keyed.add(keyed(
                        call.caller(), event, idempotencyKey == null ? null : idempotencyKey + " #" + entry.index()));
            }
        }
        RecordedBatch recorded = keyed.isEmpty()
                ? new RecordedBatch(List.of(), null)
                : store.record(CatalogAccess.viewer(call.caller()), keyed);
        RuntimeException failed = recorded.failure();
        String failure = failed == null ? "" : failed.getClass().getSimpleName();
        for (int n = 0; n < sent.size(); n++) {
            EventBatch.Entry entry = sent.get(n);
            LineageEvent event = Objects.requireNonNull(entry.event());
            if (n < recorded.outcomes().size()) {
                RecordedBatch.Outcome outcome = recorded.outcomes().get(n);
                outcomes[entry.index()] = outcome.refusal() != null
                        ? refuse(call, target(event), outcome.refusal())
                        : stored(call, event, Objects.requireNonNull(outcome.recorded()));
            } else if (n == recorded.outcomes().size()) {
                outcomes[entry.index()] = Outcome.error(
                        503, "the store could not take it: " + failure + "; nothing of it was stored", "failed");
            } else {
                outcomes[entry.index()] = Outcome.error(
                        503,
                        "not tried: the store failed on an earlier event of this " + "request (" + failure
                                + "); send it again",
                        "failed");
            }
        }
        List<Map<String, @Nullable Object>> reported = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int index = 0; index < outcomes.length; index++) {
            Outcome outcome = outcomes[index];
            count(outcome.counted());
            counts.merge(outcome.counted(), 1, Integer::sum);
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("index", index);
            one.put("status", outcome.status());
            one.putAll(outcome.body());
            reported.add(one);
        }
        // every stored event is in the audit log before the answer leaves; the log writes them in one group commit
        CompletableFuture.allOf(Arrays.stream(outcomes).map(Outcome::audited).toArray(CompletableFuture[]::new))
                .join();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("events", reported.size());
        out.putAll(counts);
        out.put("outcomes", reported);
        return CompletableFuture.completedFuture(HttpAnswer.json(200, out, json));
    }

    /**
     * What became of one event: how it is counted, its status, what is said of it, and its audit record's append
     * (done at once when nothing was stored).
     */
    private record Outcome(
            String counted, int status, Map<String, @Nullable Object> body, CompletableFuture<Void> audited) {

        Outcome(String counted, int status, Map<String, @Nullable Object> body) {
            this(counted, status, body, CompletableFuture.completedFuture(null));
        }

        static Outcome error(int status, String message, String counted) {
            Map<String, @Nullable Object> body = new LinkedHashMap<>();
            body.put("errors", List.of(Map.of("message", ErrorExcerpts.excerpt(message))));
            return new Outcome(counted, status, body);
        }
    }

    private static Map<String, @Nullable Object> problems(List<String> problems) {
        Map<String, @Nullable Object> errors = new LinkedHashMap<>();
        errors.put("errors", problems);
        return errors;
    }

    /**
     * Stores one read event in its own transaction, or refuses it; a failure of the store is thrown. The caller waits
     * for the outcome's audit record before it answers.
     */
    private Outcome storeOne(HttpCall call, LineageEvent event, @Nullable String idempotencyKey) {
        String outside = outsideNamespaces(call.caller(), event);
        if (outside != null) {
            return refuse(call, target(event), outside);
        }
        RecordedEvent recorded;
        try {
            KeyedEvent keyed = keyed(call.caller(), event, idempotencyKey);
            recorded = store.record(CatalogAccess.viewer(call.caller()), keyed.event(), keyed.key());
        } catch (AccessDeniedException e) {
            return refuse(call, target(event), e.getMessage());
        }
        return stored(call, event, recorded);
    }

    /** The event under the key it is stored once by: the sender's own key, or else the event's identity. */
    private static KeyedEvent keyed(Caller caller, LineageEvent event, @Nullable String idempotencyKey) {
        // a key the sender chose is its own: two senders' keys never collide
        return new KeyedEvent(
                event, idempotencyKey == null ? event.identity() : "key " + caller.name() + " " + idempotencyKey);
    }

    /** Why the caller may not write the event: the namespaces it writes in that the caller's credential does not name. */
    private static @Nullable String outsideNamespaces(Caller caller, LineageEvent event) {
        Set<String> outside = new TreeSet<>();
        namespacesWritten(event).stream()
                .filter(namespace -> !caller.writesNamespace(namespace))
                .forEach(outside::add);
        if (outside.isEmpty()) {
            return null;
        }
        return caller.name() + " may not write lineage in namespace" + (outside.size() > 1 ? "s " : " ")
                + String.join(", ", outside) + " (its credential's namespaces: "
                + (caller.namespaces().isEmpty() ? "none" : String.join(", ", new TreeSet<>(caller.namespaces())))
                + ")";
    }

    /** What an event is about, for the audit log: its job, or else its dataset. */
    private static String target(LineageEvent event) {
        return event.jobId() != null
                ? event.jobId()
                : event.outputs().isEmpty()
                        ? "dataset event"
                        : event.outputs().get(0).key();
    }

    /** A stored event's answer (201), and its audit record's append. */
    private Outcome stored(HttpCall call, LineageEvent event, RecordedEvent recorded) {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("run", recorded.run());
        facts.put("eventType", event.eventType());
        facts.put("datasets", recorded.datasets().size());
        facts.put("matchedCatalogDatasets", recorded.matchedCatalogDatasets());
        facts.put("duplicate", recorded.duplicate());
        CompletableFuture<Void> audited = audit.append(new AuditEvent(
                clock.instant(),
                AuditKind.LINEAGE_INGESTED,
                call.caller().name(),
                call.source(),
                target(event),
                AuditEvent.SUCCESS,
                facts));
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("job", recorded.job());
        out.put("run", recorded.run());
        out.put("datasets", recorded.datasets());
        out.put("matchedCatalogDatasets", recorded.matchedCatalogDatasets());
        out.put("duplicate", recorded.duplicate());
        return new Outcome(recorded.duplicate() ? "duplicate" : "stored", 201, out, audited);
    }

    /** The namespaces an event writes in: its job's, and each output's (a dataset event's dataset is its output). */
    private static Set<String> namespacesWritten(LineageEvent event) {
        Set<String> written = new TreeSet<>();
        if (event.jobNamespace() != null) {
            written.add(event.jobNamespace());
        }
        event.outputs().forEach(dataset -> written.add(dataset.namespace()));
        return written;
    }

    private Outcome refuse(HttpCall call, String target, String reason) {
        access.recordDenial(call.context(), "writing lineage", target, reason);
        return Outcome.error(403, "lineage refused: " + reason + "; nothing was stored", "refused");
    }
}
