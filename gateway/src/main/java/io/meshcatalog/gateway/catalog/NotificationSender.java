package io.meshcatalog.gateway.catalog;

import io.github.resilience4j.core.IntervalFunction;
import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.Alert;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.Notification;
import io.meshcatalog.graph.lineage.Outbox;
import io.meshcatalog.graph.lineage.TeamToNotify;
import io.meshcatalog.graph.lineage.UnknownNodeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells teams what breaks upstream of them, from the outbox in the graph: every {@code catalog.notifications.interval}
 * it raises LATE alerts for datasets past their SLA, turns each new alert into one notification per team downstream
 * (the alert's impact's {@code ownersToNotify}), and POSTs the due ones to their team's webhook, retrying a failed
 * attempt with jittered exponential backoff up to {@code max-attempts}. A team without a webhook gets its
 * notifications marked UNROUTED, still listed by {@code notifications}.
 */
final class NotificationSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Longer than one attempt can take (connecting, then waiting for the answer). */
    private static final Duration LEASE = TIMEOUT.multipliedBy(3);

    private final LineageStore store;
    private final Outbox outbox;
    private final Map<String, Webhook> webhooks;
    private final CatalogProperties.Notifications settings;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private @Nullable ScheduledExecutorService scheduler;

    NotificationSender(LineageStore store, Outbox outbox, CatalogProperties.Notifications settings, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.webhooks = settings.webhooksByTeam();
        this.clock = clock;
        this.backoff =
                IntervalFunction.ofExponentialRandomBackoff(settings.backoffOrDefault(), 2.0, 0.5, Duration.ofHours(1));
    }

    /** Starts the rounds; a second call does nothing. */
    synchronized void start() {
        if (!settings.on() || scheduler != null) {
            return;
        }
        scheduler = Repeating.every("catalog-notifications", settings.intervalOrDefault(), this::round);
    }

    /** One round: sweep, plan, send. A failing step is logged and tried again next round. */
    void round() {
        try {
            outbox.sweepLate(Outbox.MAX_BATCH);
            for (Alert alert : outbox.newAlerts(BATCH)) {
                plan(alert);
            }
            // one claim per notification: a sender killed mid-attempt holds one notification for one lease at most
            for (int sent = 0; sent < BATCH; sent++) {
                List<Notification> claimed = outbox.claim(1, LEASE);
                if (claimed.isEmpty()) {
                    break;
                }
                deliver(claimed.get(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("a notification round failed; the next one tries again: {}", e.toString());
        }
    }

    /** Plans one alert; one whose subject is gone since tells nobody, rather than holding up the alerts after it. */
    private void plan(Alert alert) {
        List<TeamToNotify> teams;
        try {
            teams = store.impact(Viewer.EVERYTHING, alert.node(), null).ownersToNotify();
        } catch (UnknownNodeException e) {
            LOG.info("alert {} tells nobody: {} is no longer in the catalog", alert.id(), alert.subject());
            teams = List.of();
        }
        outbox.plan(alert.id(), teams);
    }

    private void deliver(Notification notification) throws InterruptedException {
        Webhook webhook = webhooks.get(notification.team());
        if (webhook == null) {
            outbox.settle(
                    notification.id(),
                    "UNROUTED",
                    "team " + notification.team() + " has no webhook in " + "catalog.notifications.webhooks",
                    null);
            count("unrouted");
            return;
        }
        Map.Entry<Webhook.Outcome, String> outcome = webhook.send(client, notification, TIMEOUT);
        int attempts = notification.attempts() + 1;
        switch (outcome.getKey()) {
            case SENT -> {
                outbox.settle(notification.id(), "SENT", null, null);
                count("sent");
            }
            case REFUSED -> {
                outbox.settle(notification.id(), "FAILED", outcome.getValue(), null);
                count("failed");
            }
            case RETRY -> {
                boolean last = attempts >= settings.maxAttemptsOrDefault();
                outbox.settle(
                        notification.id(),
                        last ? "FAILED" : "PENDING",
                        outcome.getValue() + " (attempt " + attempts + " of " + settings.maxAttemptsOrDefault() + ")",
                        last ? null : clock.instant().plusMillis(backoff.apply(attempts)));
                count(last ? "failed" : "retried");
            }
        }
    }

    private static void count(String outcome) {
        Counter.builder("meshcatalog.notifications")
                .description("Notification attempts to teams' webhooks, by outcome")
                .tag("outcome", outcome)
                .register(Metrics.globalRegistry)
                .increment();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
