package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.openlineage.ColumnSource;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.SchemaField;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Lineage writes run one transaction at a time; requests that arrive meanwhile are written together, within the
 * bounds of one transaction, and a request that waits too long is told to come back.
 */
class WriteQueueTests {

    @Test
    void anEventWeighsItsDatasetsFieldsAndColumnSources() {
        EventDataset input = new EventDataset("ns", "in", List.of(new SchemaField("a", "INT", "")), Map.of());
        EventDataset output = new EventDataset(
                "ns",
                "out",
                List.of(new SchemaField("b", "INT", "")),
                Map.of("b", List.of(new ColumnSource("ns", "in", "a"))));
        assertThat(WriteQueue.weight(event(List.of(input), List.of(output)))).isEqualTo(1 + 2 + 3);
        assertThat(WriteQueue.weight(event(List.of(), List.of()))).isEqualTo(1);
        List<EventDataset> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new EventDataset("ns", "d" + i, List.of(), Map.of()));
        }
        assertThat(WriteQueue.weight(event(many, List.of()))).isEqualTo(WriteQueue.CAPACITY);
    }

    @Test
    void requestsThatArriveWhileOneIsWrittenAreWrittenTogetherInTheNext() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> transactions = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue(Duration.ofSeconds(30), taken -> {
            transactions.add(taken.stream().map(s -> s.events().get(0).key()).toList());
            firstInside.countDown();
            await(release);
            taken.forEach(s -> s.done().complete(new RecordedBatch(List.of(), null)));
        })) {
            CompletableFuture<RecordedBatch> first = CompletableFuture.supplyAsync(() -> submit(queue, "first"));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<RecordedBatch>> later = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> submit(queue, "later " + i)))
                    .toList();
            awaitWaiting(queue, 3);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<RecordedBatch> one : later) {
                one.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(0)).containsExactly("first");
        assertThat(transactions.get(1)).containsExactlyInAnyOrder("later 0", "later 1", "later 2");
    }

    @Test
    void requestsAreTakenTogetherWithinOneTransactionsBoundsAndNeverClaimAKeyTwice() {
        Deque<WriteQueue.Submission> waiting =
                new ArrayDeque<>(List.of(submission("b", 100), submission("c", 100), submission("d", 1)));
        assertThat(WriteQueue.together(submission("a", 100), waiting))
                .extracting(s -> s.events().get(0).key())
                .as("a fourth hundred would pass " + WriteQueue.GROUP + " events")
                .containsExactly("a", "b");
        assertThat(waiting.peekFirst().events().get(0).key())
                .as("left first for the next transaction")
                .isEqualTo("c");

        Deque<WriteQueue.Submission> again = new ArrayDeque<>(List.of(submission("x", 1), submission("a", 1)));
        assertThat(WriteQueue.together(submission("a", 1), again))
                .extracting(s -> s.events().get(0).key())
                .as("the same key again waits for the next transaction")
                .containsExactly("a", "x");
        assertThat(again).hasSize(1);

        Deque<WriteQueue.Submission> behindLarge = new ArrayDeque<>(List.of(submission("y", 1)));
        assertThat(WriteQueue.together(submission("large", WriteQueue.GROUP), behindLarge))
                .hasSize(1);
    }

    @Test
    void aRequestThatNamesOneKeyTwiceIsWrittenAlone() {
        WriteQueue.Submission twice = new WriteQueue.Submission(
                Viewer.EVERYTHING,
                List.of(
                        new KeyedEvent(event(List.of(), List.of()), "k"),
                        new KeyedEvent(event(List.of(), List.of()), "k")),
                System.nanoTime(),
                Context.root(),
                new CompletableFuture<>());

        Deque<WriteQueue.Submission> behind = new ArrayDeque<>(List.of(submission("other", 1)));
        assertThat(WriteQueue.together(twice, behind)).containsExactly(twice);
        Deque<WriteQueue.Submission> waiting = new ArrayDeque<>(List.of(twice));
        assertThat(WriteQueue.together(submission("first", 1), waiting)).hasSize(1);
        assertThat(waiting).containsExactly(twice);
    }

    @Test
    void aRequestThatCouldNotStartWithinTheWaitIsBusyAndNeverWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue(Duration.ofMillis(200), taken -> {
            taken.forEach(s -> written.add(s.events().get(0).key()));
            await(release);
            taken.forEach(s -> s.done().complete(new RecordedBatch(List.of(), null)));
        })) {
            CompletableFuture<RecordedBatch> slow = CompletableFuture.supplyAsync(() -> submit(queue, "slow"));
            for (long until = System.nanoTime() + 10_000_000_000L; written.isEmpty() && System.nanoTime() < until; ) {
                Thread.sleep(10);
            }
            CompletableFuture<RecordedBatch> late = CompletableFuture.supplyAsync(() -> submit(queue, "late"));
            awaitWaiting(queue, 1);
            Thread.sleep(600);
            release.countDown();
            RecordedBatch answer = late.get(10, TimeUnit.SECONDS);
            assertThat(answer.outcomes()).isEmpty();
            assertThat(answer.failure())
                    .isInstanceOf(WriteQueue.Busy.class)
                    .isInstanceOf(org.neo4j.driver.exceptions.RetryableException.class)
                    .hasMessageContaining("kept the store busy");
            slow.get(10, TimeUnit.SECONDS);
        }
        assertThat(written).as("the late request was never written").containsExactly("slow");
    }

    @Test
    void aWriteThatThrowsAnswersItsRequestsAndTheQueueGoesOn() {
        try (WriteQueue queue = new WriteQueue(Duration.ofSeconds(30), taken -> {
            if (taken.get(0).events().get(0).key().equals("bad")) {
                throw new IllegalStateException("boom");
            }
            taken.forEach(s -> s.done().complete(new RecordedBatch(List.of(), null)));
        })) {
            assertThatThrownBy(() -> submit(queue, "bad"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("boom");
            assertThat(submit(queue, "good").failure()).isNull();
        }
    }

    private static void awaitWaiting(WriteQueue queue, int requests) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (queue.waiting() < requests) {
            assertThat(System.nanoTime()).as("requests waiting within 10 s").isLessThan(until);
            Thread.sleep(10);
        }
    }

    private static RecordedBatch submit(WriteQueue queue, String key) {
        return queue.submit(Viewer.EVERYTHING, List.of(new KeyedEvent(event(List.of(), List.of()), key)));
    }

    private static WriteQueue.Submission submission(String key, int events) {
        List<KeyedEvent> keyed = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            keyed.add(new KeyedEvent(event(List.of(), List.of()), i == 0 ? key : key + " #" + i));
        }
        return new WriteQueue.Submission(
                Viewer.EVERYTHING, keyed, System.nanoTime(), Context.root(), new CompletableFuture<>());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LineageEvent event(List<EventDataset> inputs, List<EventDataset> outputs) {
        return new LineageEvent(
                LineageEvent.Kind.RUN, Instant.EPOCH, "p", "s", "run", "COMPLETE", "ns", "job", inputs, outputs);
    }
}
