package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.gateway.http.ReadinessCheck;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Harvests once when the gateway has started, and holds {@code GET /health} at 503 until that first
 * harvest is done (so the catalog answers from the first request a ready gateway gets), then every {@code catalog.harvest-interval}; zero turns the schedule off.
 * Stopping lets a harvest under way finish (each domain's products are written whole either way) for up to
 * {@link CatalogHarvester#STOP_GRACE}, then ends the harvest leases this gateway still holds, so another gateway
 * need not wait them out.
 */
final class HarvestSchedule implements ApplicationListener<ApplicationReadyEvent>, ReadinessCheck, AutoCloseable {

    private final CatalogHarvester harvester;
    private final Duration every;
    private @Nullable ScheduledExecutorService scheduler;
    private volatile boolean firstHarvestDone;

    HarvestSchedule(CatalogHarvester harvester, Duration every) {
        this.harvester = harvester;
        this.every = every;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        start();
    }

    /**
     * The first harvest now, of every domain no other gateway is harvesting (the descriptors may have changed while it
     * was stopped), then one every interval; a second call only harvests.
     */
    void start() {
        try {
            harvester.harvestEverything();
        } finally {
            firstHarvestDone = true;
        }
        if (scheduler == null) {
            scheduler = Repeating.every("catalog-harvest", every, harvester::harvest);
        }
    }

    @Override
    public String name() {
        return "the catalog's first harvest";
    }

    @Override
    public boolean isReady() {
        return firstHarvestDone;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(CatalogHarvester.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        harvester.releaseLeases();
    }
}
