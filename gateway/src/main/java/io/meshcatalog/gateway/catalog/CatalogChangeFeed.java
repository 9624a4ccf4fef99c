package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.graph.lineage.CatalogChanges;
import io.meshcatalog.graph.lineage.CatalogChanges.Scope;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what this gateway holds in memory in step with the graph, whichever gateway on it made a change: every
 * {@code catalog.refresh-interval} it reads the graph's change counts ({@link CatalogChanges}, one small read) and
 * reloads each scope whose count moved since it last looked; a harvest through another gateway is served here within
 * the interval. A graph it cannot read is logged once and read again on the next turn.
 */
final class CatalogChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChangeFeed.class);

    private final CatalogChanges changes;
    private final Map<Scope, Runnable> reloads;
    private final Duration every;
    private final Map<Scope, Long> seen = new EnumMap<>(Scope.class);
    private @Nullable ScheduledExecutorService scheduler;
    private boolean failing;

    CatalogChangeFeed(CatalogChanges changes, Map<Scope, Runnable> reloads, Duration every) {
        this.changes = changes;
        this.reloads = Map.copyOf(reloads);
        this.every = every;
    }

    /**
     * Reads the counts now, so the reloads run for changes made from here on (all of them once, when the graph cannot be
     * read now), then every interval; zero: never.
     */
    synchronized void start() {
        try {
            seen.putAll(changes.counts());
        } catch (RuntimeException e) {
            LOG.warn(
                    "The graph's change counts could not be read at start; everything is reloaded once they can: {}",
                    e.getMessage());
        }
        scheduler = Repeating.every("catalog-changes", every, this::poll);
    }

    /** One turn: reloads each scope whose count moved. */
    synchronized void poll() {
        Map<Scope, Long> counts;
        try {
            counts = changes.counts();
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn(
                        "The graph's change counts could not be read; what this gateway holds in memory may lag until "
                                + "they can: {}",
                        e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        counts.forEach((scope, count) -> {
            if (!Objects.equals(seen.get(scope), count) && reload(scope)) {
                seen.put(scope, count);
            }
        });
    }

    /** Reloads a scope; false when it failed, to be tried again on the next turn. */
    private boolean reload(Scope scope) {
        Runnable reload = reloads.get(scope);
        if (reload == null) {
            return true;
        }
        try {
            reload.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Reloading {} after a change in the graph failed; tried again in {} ms: {}",
                    scope,
                    every.toMillis(),
                    e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
