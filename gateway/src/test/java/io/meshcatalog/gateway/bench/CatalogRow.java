package io.meshcatalog.gateway.bench;

import io.meshcatalog.graph.bench.LineageBenchmark.Latency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@link CatalogBenchmark}'s table: the same call through the gateway and on the store, and where there
 * is one, its floor (the same answer by a plain in-memory walk, {@link ImpactFloor}).
 */
record CatalogRow(
        String call,
        String answer,
        Latency gateway,
        @Nullable Latency store,
        @Nullable Latency floor) {

    static final String HEADER = "| call | answer | runs | gateway p50 | p95 | p99 | store p50 | p95 | p99 | p50 ratio "
            + "| floor p50 | gateway / floor |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    CatalogRow(String call, String answer, Latency gateway, @Nullable Latency store) {
        this(call, answer, gateway, store, null);
    }

    String markdown() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                call,
                answer,
                gateway.runs(),
                ms(gateway.p50()),
                ms(gateway.p95()),
                ms(gateway.p99()),
                store == null ? "" : ms(store.p50()),
                store == null ? "" : ms(store.p95()),
                store == null ? "" : ms(store.p99()),
                store == null ? "" : String.format(Locale.ROOT, "%.2f", gateway.p50() / Math.max(store.p50(), 0.001)),
                floor == null ? "" : ms(floor.p50()),
                floor == null ? "" : String.format(Locale.ROOT, "%,.0f", gateway.p50() / Math.max(floor.p50(), 0.001)));
    }

    private static String ms(double value) {
        return value >= 100
                ? String.format(Locale.ROOT, "%.0f ms", value)
                : value >= 1
                        ? String.format(Locale.ROOT, "%.1f ms", value)
                        : String.format(Locale.ROOT, "%.3f ms", value);
    }
}
