package io.meshcatalog.gateway.catalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harvests in Micrometer's global registry, by subgraph (the supergraph's names, so bounded):
 * {@code meshcatalog.harvests} by outcome ({@code ok}, {@code failed}, {@code skipped});
 * {@code meshcatalog.harvest.products} by change ({@code created}, {@code updated}, {@code unchanged}); and
 * {@code meshcatalog.harvest.last.success}, the epoch second of the last harvest that succeeded, by this gateway or
 * by another on the same graph, to alert on a domain whose contract has not been read for too long.
 */
final class HarvestMeters {

    private static final Map<String, AtomicLong> LAST_SUCCESS = new ConcurrentHashMap<>();

    private HarvestMeters() {}

    static void record(HarvestOutcome outcome, Instant at) {
        String subgraph = outcome.subgraph();
        Metrics.counter("meshcatalog.harvests", "subgraph", subgraph, "outcome", outcome.tag())
                .increment();
        if (!outcome.ok()) {
            return;
        }
        Metrics.counter("meshcatalog.harvest.products", "subgraph", subgraph, "change", "created")
                .increment(outcome.created());
        Metrics.counter("meshcatalog.harvest.products", "subgraph", subgraph, "change", "updated")
                .increment(outcome.updated());
        Metrics.counter("meshcatalog.harvest.products", "subgraph", subgraph, "change", "unchanged")
                .increment(outcome.unchanged());
        Metrics.counter("meshcatalog.harvest.products", "subgraph", subgraph, "change", "retired")
                .increment(outcome.retired());
        succeeded(subgraph, at);
    }

    /** A harvest of {@code subgraph}'s domain that succeeded at {@code at}, here or in another gateway. */
    static void succeeded(String subgraph, Instant at) {
        LAST_SUCCESS
                .computeIfAbsent(subgraph, name -> {
                    AtomicLong seconds = new AtomicLong();
                    Gauge.builder("meshcatalog.harvest.last.success", seconds, AtomicLong::get)
                            .baseUnit("seconds")
                            .description("When the subgraph's last harvest succeeded (epoch seconds)")
                            .tag("subgraph", name)
                            .register(Metrics.globalRegistry);
                    return seconds;
                })
                .accumulateAndGet(at.getEpochSecond(), Math::max);
    }
}
