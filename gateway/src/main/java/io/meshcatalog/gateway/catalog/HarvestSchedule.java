package io.meshcatalog.gateway.catalog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Harvests once when the gateway is ready (so the catalog answers from the first request after
 * start-up), then every {@code catalog.harvest-interval}; zero turns the schedule off.
 */
final class HarvestSchedule implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

  private final CatalogHarvester harvester;
  private final Duration every;
  private @Nullable ScheduledExecutorService scheduler;

  HarvestSchedule(CatalogHarvester harvester, Duration every) {
    this.harvester = harvester;
    this.every = every;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    harvester.harvest();
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
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
