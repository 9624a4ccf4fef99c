package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.Health;
import io.meshcatalog.graph.health.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * The durable notification outbox in the graph. Alerts are raised in the transaction that learns of them (a failed
 * run's event, a breaking harvest) or by the LATE sweep, each once per id; planning turns one into a notification
 * per team to tell, once; senders claim due notifications under a lease and settle each attempt. Nothing is kept in
 * memory, so a restart or a kill -9 loses nothing and sends nothing twice that was settled.
 */
public final class Outbox {

    /** The most alerts, notifications or LATE candidates one call handles. */
    public static final int MAX_BATCH = 1_000;

    private final Driver driver;
    private final Clock clock;
    private final CypherLog cypher = new CypherLog();

    public Outbox(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    /** Raises a LATE alert, once per stale write, for each catalog dataset that is LATE now; how many are late. */
    public int sweepLate(int limit) {
        Instant now = clock.instant();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Record row : cypher.read(driver, "late-candidates", Map.of("limit", bounded(limit)))
                .records()) {
            Value facts = row.get("facts");
            Health health = Health.of(RunReader.facts(facts), now);
            if (health.status() == HealthStatus.LATE && health.lastCompleteAt() != null) {
                Map<String, Object> alert = new HashMap<>();
                alert.put("id", "LATE " + health.dataset() + " " + health.lastCompleteAt());
                alert.put("kind", "LATE");
                alert.put("subjectKind", NodeKind.DATASET.name());
                alert.put("subject", health.dataset());
                alert.put("product", row.get("product").asString());
                alert.put("reason", health.reason());
                alert.put(
                        "at", OffsetDateTime.ofInstant(health.dueBy() == null ? now : health.dueBy(), ZoneOffset.UTC));
                alerts.add(alert);
            }
        }
        if (!alerts.isEmpty()) {
            write("alert-raise", Map.of("alerts", alerts));
        }
        return alerts.size();
    }

    /** Alerts not planned yet, oldest first. */
    public List<Alert> newAlerts(int limit) {
        return cypher.read(driver, "alerts-new", Map.of("limit", bounded(limit))).records().stream()
                .map(row -> new Alert(
                        row.get("id").asString(),
                        row.get("kind").asString(),
                        NodeKind.valueOf(row.get("subjectKind").asString()),
                        row.get("subject").asString(),
                        row.get("product").asString(""),
                        row.get("reason").asString(""),
                        row.get("at").asString("")))
                .toList();
    }

    /** One notification per team, and the alert planned; planning an alert twice plans it once. */
    public void plan(String alertId, List<TeamToNotify> teams) {
        write(
                "alert-plan",
                Map.of(
                        "alert",
                        alertId,
                        "now",
                        now(),
                        "teams",
                        teams.stream()
                                .map(t -> Map.of("name", t.team(), "affected", t.affected()))
                                .toList()));
    }

    /** Due pending notifications, claimed for {@code lease}: no other sender takes them meanwhile. */
    public List<Notification> claim(int limit, Duration lease) {
        OffsetDateTime now = now();
        List<Notification> claimed = new ArrayList<>();
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                claimed.clear(); // a transaction retried after a deadlock claims again
                List<String> due =
                        cypher.run(tx, "notifications-due", Map.of("now", now, "limit", bounded(limit))).stream()
                                .map(row -> row.get("id").asString())
                                .toList();
                cypher.run(tx, "notifications-claim", Map.of("ids", due, "now", now, "leaseUntil", now.plus(lease)))
                        .forEach(row -> claimed.add(notification(row.get("notification"))));
            });
        }
        return claimed;
    }

    /**
     * What an attempt came to: {@code state} SENT, FAILED or UNROUTED, or PENDING again at {@code nextAttemptAt}.
     */
    public void settle(String id, String state, @Nullable String error, @Nullable Instant nextAttemptAt) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("state", state);
        parameters.put("error", error);
        parameters.put("now", now());
        parameters.put(
                "nextAttemptAt",
                nextAttemptAt == null ? null : OffsetDateTime.ofInstant(nextAttemptAt, ZoneOffset.UTC));
        write("notification-settle", parameters);
    }

    /**
     * Notifications newest first: {@code team}'s when given, only those of {@code teams} when that is not null,
     * created before {@code before} when given; {@code first} between 1 and 1,000.
     */
    public List<Notification> list(
            @Nullable String team, @Nullable Set<String> teams, @Nullable Instant before, int first) {
        if (first < 1 || first > MAX_BATCH) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_BATCH + ", got " + first);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("team", team);
        parameters.put("teams", teams == null ? null : List.copyOf(teams));
        parameters.put("before", before == null ? null : before.toString());
        parameters.put("first", first);
        return cypher.read(driver, "notifications-list", parameters).records().stream()
                .map(row -> notification(row.get("notification")))
                .toList();
    }

    private void write(String statement, Map<String, Object> parameters) {
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> cypher.run(tx, statement, parameters));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_BATCH));
    }

    private static Notification notification(Value n) {
        return new Notification(
                n.get("id").asString(),
                n.get("team").asString(),
                n.get("kind").asString(),
                n.get("subject").asString(),
                n.get("product").asString(""),
                n.get("reason").asString(""),
                n.get("affected").asList(Value::asString),
                n.get("at").asString(""),
                n.get("state").asString(),
                n.get("attempts").asInt(),
                n.get("createdAt").asString(""),
                n.get("sentAt").asString(null),
                n.get("lastError").asString(null));
    }
}
