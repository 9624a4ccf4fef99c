package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** The notification outbox: raised once, planned once per team, claimed under a lease, retried when due. */
@Neo4jIntegrationTest
class OutboxIT {

    private static final String FAILED = """
            {"eventType": "FAIL", "eventTime": "2026-11-20T06:15:00Z",
             "producer": "https://example.com/scheduler", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
             "job": {"namespace": "scheduler", "name": "beta.left_loader"},
             "run": {"runId": "6d3e8fa2-1c2b-4a4f-8e3d-7f8a9b0c1d2e"},
             "inputs": [], "outputs": [{"namespace": "warehouse", "name": "beta.left"}]}
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T06:20:00Z"));
    private final LineageStore store;
    private final Outbox outbox;

    OutboxIT(Driver driver) {
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
        this.outbox = new Outbox(driver, clock);
    }

    @BeforeEach
    void load() {
        store.initSchema();
        Fixtures.lineage().forEach(store::upsert);
    }

    @Test
    void aFailedRunIsOneAlertAndOneNotificationPerTeamDownstreamHoweverOftenItIsSentOrPlanned() {
        store.record(Viewer.EVERYTHING, new OpenLineageReader().read(FAILED));
        store.record(Viewer.EVERYTHING, new OpenLineageReader().read(FAILED), "a retry with a key of its own");

        List<Alert> alerts = outbox.newAlerts(10);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("FAILING");
            assertThat(alert.node()).isEqualTo(NodeRef.dataset("beta.left"));
            assertThat(alert.reason())
                    .contains("run 6d3e8fa2-1c2b-4a4f-8e3d-7f8a9b0c1d2e of job scheduler/beta.left_loader", "failed");
        });
        List<TeamToNotify> teams =
                store.impact(Viewer.EVERYTHING, alerts.get(0).node(), null).ownersToNotify();
        assertThat(teams).extracting(TeamToNotify::team).contains("gamma-team", "ops-team", "growth-team");
        outbox.plan(alerts.get(0).id(), teams);
        outbox.plan(alerts.get(0).id(), teams);
        assertThat(outbox.newAlerts(10)).isEmpty();

        List<Notification> listed = outbox.list(null, null, null, 100);
        assertThat(listed)
                .extracting(Notification::team)
                .containsExactlyInAnyOrderElementsOf(
                        teams.stream().map(TeamToNotify::team).toList());
        assertThat(listed).allSatisfy(n -> assertThat(n.state()).isEqualTo("PENDING"));
        assertThat(outbox.list("gamma-team", null, null, 10))
                .singleElement()
                .satisfies(n -> assertThat(n.affected()).contains("gamma.join"));
        assertThat(outbox.list(null, java.util.Set.of("ops-team"), null, 10))
                .extracting(Notification::team)
                .containsExactly("ops-team");
    }

    @Test
    void aDatasetPastItsSlaRaisesOneLateAlertPerStaleWrite() {
        String complete = """
                {"eventType": "COMPLETE", "eventTime": "%s",
                 "producer": "https://example.com/scheduler", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                 "job": {"namespace": "scheduler", "name": "gamma.one_loader"},
                 "run": {"runId": "%s"},
                 "inputs": [], "outputs": [{"namespace": "warehouse", "name": "warehouse.gamma.one"}]}
                """;
        store.record(
                Viewer.EVERYTHING,
                new OpenLineageReader()
                        .read(complete.formatted("2026-11-20T06:00:00Z", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")));
        assertThat(outbox.sweepLate(100))
                .as("written 20 minutes ago, due within 90")
                .isZero();

        clock.advance(Duration.ofMinutes(75)); // 07:35: due at 07:30 (frequency 1 h + latency 30 min)
        assertThat(outbox.sweepLate(100)).isEqualTo(1);
        assertThat(outbox.sweepLate(100)).as("still late: the same alert").isEqualTo(1);
        assertThat(outbox.newAlerts(10)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("LATE");
            assertThat(alert.node()).isEqualTo(NodeRef.dataset("gamma.one"));
            assertThat(alert.reason()).contains("frequency 1 h + latency 30 min", "2026-11-20T07:30:00Z");
        });

        store.record(
                Viewer.EVERYTHING,
                new OpenLineageReader()
                        .read(complete.formatted("2026-11-20T07:40:00Z", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")));
        clock.advance(Duration.ofHours(2));
        outbox.sweepLate(100);
        assertThat(outbox.newAlerts(10))
                .extracting(Alert::kind)
                .as("late again after a new write: a second alert")
                .containsExactly("LATE", "LATE");
    }

    @Test
    void sendersClaimingAtOnceEachGetOtherNotificationsAndTogetherAllOfThem() throws Exception {
        store.record(Viewer.EVERYTHING, new OpenLineageReader().read(FAILED));
        Alert alert = outbox.newAlerts(10).get(0);
        outbox.plan(
                alert.id(), store.impact(Viewer.EVERYTHING, alert.node(), null).ownersToNotify());
        int teams = outbox.list(null, null, null, 100).size();

        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<String> claimed = new ArrayList<>();
        try {
            List<Callable<List<Notification>>> claims =
                    Collections.nCopies(4, () -> outbox.claim(100, Duration.ofMinutes(2)));
            for (Future<List<Notification>> claim : senders.invokeAll(claims)) {
                claim.get().forEach(notification -> claimed.add(notification.id()));
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(claimed)
                .as("notifications claimed by four senders at once")
                .hasSize(teams)
                .doesNotHaveDuplicates();
    }

    @Test
    void aClaimHoldsNotificationsForItsLeaseAndARetryWaitsUntilItIsDue() {
        store.record(Viewer.EVERYTHING, new OpenLineageReader().read(FAILED));
        Alert alert = outbox.newAlerts(10).get(0);
        outbox.plan(
                alert.id(), store.impact(Viewer.EVERYTHING, alert.node(), null).ownersToNotify());
        int teams = outbox.list(null, null, null, 100).size();

        List<Notification> claimed = outbox.claim(100, Duration.ofMinutes(2));
        assertThat(claimed).hasSize(teams);
        assertThat(outbox.claim(100, Duration.ofMinutes(2)))
                .as("held by the first claim")
                .isEmpty();

        Notification first = claimed.get(0);
        outbox.settle(
                first.id(),
                "PENDING",
                "the webhook answered HTTP 503",
                clock.instant().plusSeconds(30));
        claimed.stream().skip(1).forEach(n -> outbox.settle(n.id(), "SENT", null, null));
        assertThat(outbox.claim(100, Duration.ofMinutes(2))).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(outbox.claim(100, Duration.ofMinutes(2))).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(first.id());
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastError()).contains("503");
        });
        assertThat(outbox.list(null, null, null, 100))
                .filteredOn(n -> n.state().equals("SENT"))
                .hasSize(teams - 1)
                .allSatisfy(n -> assertThat(n.sentAt()).isNotNull());
    }
}
