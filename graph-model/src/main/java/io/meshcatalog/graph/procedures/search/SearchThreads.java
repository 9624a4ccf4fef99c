package io.meshcatalog.graph.procedures.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a search spreads the index's slices over: as many as there are cores, shared by every search. */
final class SearchThreads {

    static final ExecutorService EXECUTOR;

    static {
        AtomicInteger count = new AtomicInteger();
        EXECUTOR = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "meshcatalog-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private SearchThreads() {}
}
