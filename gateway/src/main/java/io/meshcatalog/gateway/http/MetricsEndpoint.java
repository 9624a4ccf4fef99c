package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.NettyTransport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics}: every meter of the process in Prometheus' text format, for admins (a scraper authenticates
 * with an admin API key). The registry joins Micrometer's global one, where the gateway and the graph model record:
 * operations, subgraph fetches, caches, harvests, OpenLineage events, Cypher statements; the JVM, the process and
 * Netty's event loops and buffers are bound here. Every timer gets the same histogram buckets ({@link #BUCKETS}),
 * few enough that a series set per label value stays small.
 */
public final class MetricsEndpoint implements AutoCloseable {

    public static final String PATH = "/metrics";

    /** Latency buckets for every timer: from 5 ms (a cached plan) to 30 s (a subgraph's default timeout). */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders;

    private MetricsEndpoint(PrometheusMeterRegistry registry, List<AutoCloseable> binders) {
        this.registry = registry;
        this.binders = binders;
    }

    /** A registry joined to the global one, with the JVM, process and Netty meters of this transport bound. */
    public static MetricsEndpoint start(NettyTransport transport) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER
                        ? DistributionStatisticConfig.builder()
                                .serviceLevelObjectives(nanos())
                                .build()
                                .merge(config)
                        : config;
            }
        });
        List<AutoCloseable> binders = new ArrayList<>();
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
        binders.add(gc);
        binders.add(pressure);
        for (var binder : List.of(
                new ClassLoaderMetrics(),
                new JvmMemoryMetrics(),
                gc,
                pressure,
                new JvmThreadMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics(),
                new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT),
                new NettyEventExecutorMetrics(transport.group()))) {
            binder.bindTo(registry);
        }
        Metrics.addRegistry(registry);
        return new MetricsEndpoint(registry, binders);
    }

    /** {@code GET /metrics}, for admins; the scrape runs off the event loops. */
    public HttpRoute route() {
        return new HttpRoute(
                PATH,
                Set.of("GET"),
                true,
                call -> CompletableFuture.completedFuture(HttpAnswer.text(200, PROMETHEUS_TEXT, registry.scrape())),
                HttpRoute.Access.ADMIN);
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + binder, e);
            }
        }
        registry.close();
    }

    private static double[] nanos() {
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = TimeUnit.MILLISECONDS.toNanos(BUCKETS[i].toMillis());
        }
        return nanos;
    }
}
