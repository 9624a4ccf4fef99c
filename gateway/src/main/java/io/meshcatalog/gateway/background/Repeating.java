package io.meshcatalog.gateway.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work the gateway repeats: on a daemon thread of its own, with a fixed delay between runs. */
public final class Repeating {

    private static final Logger LOG = LoggerFactory.getLogger(Repeating.class);

    private Repeating() {}

    /**
     * Runs {@code task} on a daemon thread named {@code name}, first after {@code every} and then {@code every} after
     * each run ends; shut the answer down to stop. Null, and nothing runs, when {@code every} is zero or negative. A
     * run that throws is logged and the next one runs on time (an executor would silently stop repeating it).
     */
    public static @Nullable ScheduledExecutorService every(String name, Duration every, Runnable task) {
        if (every.isZero() || every.isNegative()) {
            return null;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("{} failed, and runs again in {} ms", name, every.toMillis(), e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return executor;
    }
}
