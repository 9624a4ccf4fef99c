package io.meshcatalog.graph.procedures.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads a search spreads the index's slices over: as many as there are cores ({@code
 * -Dmeshcatalog.search-threads=N} says how many), shared by every search; with one, a search runs on its caller's.
 */
final class SearchThreads {

    /** The JVM system property that sets how many threads searches share. */
    static final String THREADS = "meshcatalog.search-threads";

    static final @Nullable ExecutorService EXECUTOR =
            executor(Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors()));

    private SearchThreads() {}

    private static @Nullable ExecutorService executor(int threads) {
        if (threads <= 1) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "meshcatalog-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
