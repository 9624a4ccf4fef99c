package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.ReadinessCheck;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Harvests once when the gateway has started, and holds {@code GET /health} at 503 until that first
 * harvest is done (so the catalog answers from the first request a ready gateway gets), then every {@code catalog.harvest-interval}; zero turns the schedule off.
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

  /** The first harvest now, then one every interval; a second call only harvests. */
  void start() {
    try {
      harvester.harvest();
    } finally {
      firstHarvestDone = true;
    }
    if (every.isZero() || every.isNegative() || scheduler != null) {
      return;
    }
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "catalog-harvest");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(harvester::harvest, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = executor;
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
      scheduler.shutdownNow();
    }
  }
}
