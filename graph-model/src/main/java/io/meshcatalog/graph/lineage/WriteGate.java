package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Admits OpenLineage writes by their size, so that large events take turns instead of deadlocking one another in
 * Neo4j: each event holds units of a fair semaphore while its transaction runs, one per dataset, schema field and
 * column source (at least one, at most the whole {@link #CAPACITY}). Small events run side by side; an event as large
 * as the default intake bounds allow runs alone. Waiting is bounded: an event that cannot start within the wait is
 * refused with {@link Busy}, which callers answer as "try again later" (a {@link RetryableException}, as Neo4j's own
 * transient failures are), and nothing is stored.
 */
final class WriteGate {

    /** As many units as the default intake bounds let one event carry (catalog.openlineage.max-fields). */
    static final int CAPACITY = 10_000;

    /** Refused for now: the gate stayed full for the whole wait. */
    static final class Busy extends RuntimeException implements RetryableException {

        Busy(String message) {
            super(message);
        }
    }

    private final Semaphore units = new Semaphore(CAPACITY, true);
    private final Duration wait;

    WriteGate(Duration wait) {
        this.wait = wait;
    }

    /** An event's weight: its datasets, schema fields and column sources, between 1 and {@link #CAPACITY}. */
    static int weight(LineageEvent event) {
        long weight = 1;
        for (EventDataset dataset : event.inputs()) {
            weight += 1 + dataset.fields().size();
        }
        for (EventDataset dataset : event.outputs()) {
            weight += 1 + dataset.fields().size();
            weight += dataset.columnLineage().values().stream().mapToLong(java.util.List::size).sum();
        }
        return (int) Math.min(CAPACITY, weight);
    }

    /** Runs {@code write} holding {@code weight} units, waiting for them at most the gate's wait. */
    <T> T through(int weight, Supplier<T> write) {
        boolean admitted;
        try {
            admitted = units.tryAcquire(weight, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting to write lineage");
        }
        if (!admitted) {
            throw new Busy("other lineage writes kept the store busy for " + wait.toSeconds() + " s");
        }
        try {
            return write.get();
        } finally {
            units.release(weight);
        }
    }
}
