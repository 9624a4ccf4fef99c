package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenLineage writes, one transaction at a time, on one thread: writers never deadlock one another in Neo4j, and
 * requests that arrive while a transaction runs are written together in the next one (group commit), so many
 * clients sending one event each cost few transactions. A request waits its turn at most the queue's wait; one that
 * could not start within it is answered {@link Busy} ("try again later", a {@link RetryableException} as Neo4j's own
 * transient failures are) and nothing of it is stored.
 */
final class WriteQueue implements AutoCloseable {

    /** The most events written in one transaction. */
    static final int GROUP = 250;

    /** The most units (see {@link #weight}) written in one transaction: as many as one event may carry. */
    static final int CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(WriteQueue.class);

    /** Refused for now: the writes ahead of it kept the store busy for the whole wait. */
    static final class Busy extends RuntimeException implements RetryableException {

        Busy(String message) {
            super(message);
        }
    }

    /**
     * Events one writer sent in one request, and the answer it waits for; the trace it was sent in, which the
     * transaction that writes it joins.
     */
    record Submission(
            Viewer writer,
            List<KeyedEvent> events,
            long enqueued,
            Context trace,
            CompletableFuture<RecordedBatch> done) {}

    private final LinkedBlockingDeque<Submission> queue = new LinkedBlockingDeque<>();
    private final Duration wait;
    private final Consumer<List<Submission>> write;
    private @Nullable Thread thread;

    /**
     * @param write writes submissions taken together and completes each one's answer
     */
    WriteQueue(Duration wait, Consumer<List<Submission>> write) {
        this.wait = wait;
        this.write = write;
    }

    /** An event's weight: its datasets, schema fields and column sources, between 1 and {@link #CAPACITY}. */
    static int weight(LineageEvent event) {
        long weight = 1;
        for (EventDataset dataset : event.inputs()) {
            weight += 1 + dataset.fields().size();
        }
        for (EventDataset dataset : event.outputs()) {
            weight += 1 + dataset.fields().size();
            weight += dataset.columnLineage().values().stream()
                    .mapToLong(List::size)
                    .sum();
        }
        return (int) Math.min(CAPACITY, weight);
    }

    /** Writes the events in their turn and answers what became of each. */
    RecordedBatch submit(Viewer writer, List<KeyedEvent> events) {
        Submission submission = new Submission(
                writer, List.copyOf(events), System.nanoTime(), Context.current(), new CompletableFuture<>());
        start();
        queue.add(submission);
        try {
            return submission.done().get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (queue.remove(submission)) {
                return new RecordedBatch(List.of(), busy());
            }
            // taken already: its transaction is running, and ends within the driver's retry time
            return answer(submission);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (queue.remove(submission)) {
                return new RecordedBatch(List.of(), new Busy("interrupted while waiting to write lineage"));
            }
            return answer(submission);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    private static RecordedBatch answer(Submission submission) {
        try {
            return submission.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Busy busy() {
        return new Busy("other lineage writes kept the store busy for " + wait.toSeconds() + " s");
    }

    /**
     * The submissions written together with {@code first}: those that follow it while they fit one transaction's
     * {@link GroupBounds} with it. The first one that does not fit is left for the next transaction. A request that
     * does not fit on its own (more than a group, or one key twice) is written alone, in groups.
     */
    static List<Submission> together(Submission first, Deque<Submission> waiting) {
        List<Submission> together = new ArrayList<>(List.of(first));
        GroupBounds bounds = new GroupBounds();
        if (!bounds.take(first.events())) {
            return together;
        }
        Submission next;
        while ((next = waiting.pollFirst()) != null) {
            if (!bounds.take(next.events())) {
                waiting.offerFirst(next);
                break;
            }
            together.add(next);
        }
        return together;
    }

    @SuppressWarnings("try") // the scope is what the writes run in, not something the body uses
    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Submission first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            List<Submission> taken = new ArrayList<>();
            for (Submission submission : together(first, queue)) {
                if (System.nanoTime() - submission.enqueued() > wait.toNanos()) {
                    submission.done().complete(new RecordedBatch(List.of(), busy()));
                } else {
                    taken.add(submission);
                }
            }
            if (taken.isEmpty()) {
                continue;
            }
            Span span = span(taken);
            try (Scope ignored = span.makeCurrent()) {
                write.accept(taken);
            } catch (RuntimeException | Error e) {
                LOG.error("writing OpenLineage events failed", e);
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                taken.forEach(submission -> submission.done().completeExceptionally(e));
            } finally {
                span.end();
            }
        }
    }

    /**
     * The span of one turn of the writer: in the trace of the first request it writes, linked to the traces of the
     * others written with it, and with how many requests and events it took.
     */
    private static Span span(List<Submission> taken) {
        SpanBuilder builder = GlobalOpenTelemetry.getTracer("io.meshcatalog.graph")
                .spanBuilder("openlineage write")
                .setParent(taken.get(0).trace())
                .setAttribute("meshcatalog.openlineage.requests", taken.size())
                .setAttribute(
                        "meshcatalog.openlineage.events",
                        taken.stream()
                                .mapToLong(submission -> submission.events().size())
                                .sum());
        taken.stream()
                .skip(1)
                .map(submission -> Span.fromContext(submission.trace()).getSpanContext())
                .filter(SpanContext::isValid)
                .forEach(builder::addLink);
        return builder.startSpan();
    }

    /** Answers the requests still waiting when the writer stops: try again. */
    private void drain() {
        Submission left;
        while ((left = queue.pollFirst()) != null) {
            left.done().complete(new RecordedBatch(List.of(), new Busy("the lineage writer stopped")));
        }
    }

    /** How many requests wait for their turn. */
    int waiting() {
        return queue.size();
    }

    /** The writer thread, started with the first submission. */
    private synchronized void start() {
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(
                    () -> {
                        run();
                        drain();
                    },
                    "openlineage-writer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
