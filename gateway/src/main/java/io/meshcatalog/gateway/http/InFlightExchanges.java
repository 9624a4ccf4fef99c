package io.meshcatalog.gateway.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a server is answering, so that stopping lets them finish: once it drains, answers close their
 * connections (a client's next request goes to another instance) and {@link #drain} waits for the last answer, for at
 * most a grace period.
 */
final class InFlightExchanges {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object finished = new Object();
    private volatile boolean draining;

    void started() {
        inFlight.incrementAndGet();
    }

    void finished() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (finished) {
                finished.notifyAll();
            }
        }
    }

    /** True once the server stops: answers then close their connections. */
    boolean draining() {
        return draining;
    }

    /**
     * Stops taking new work on open connections and waits for the requests in flight, at most {@code grace}.
     *
     * @return how many were still unanswered when it gave up; 0 when all finished
     */
    int drain(Duration grace) {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (finished) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(finished, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return inFlight.get();
    }
}
