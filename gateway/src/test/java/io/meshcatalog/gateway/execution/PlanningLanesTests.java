package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** One caller's new documents take at most its share of the planner threads; the rest of its documents wait. */
class PlanningLanesTests {

    /** A pool whose tasks run when the test says. */
    private final ArrayDeque<Runnable> pool = new ArrayDeque<>();

    private final Executor executor = pool::add;
    private final PlanningLanes lanes = new PlanningLanes(executor, 1);

    private void runNext() {
        pool.remove().run();
    }

    @Test
    void aCallersSecondDocumentWaitsForItsFirstWhileAnotherCallersGoesAhead() {
        CompletableFuture<String> first = lanes.submit("mallory", () -> "m1");
        CompletableFuture<String> second = lanes.submit("mallory", () -> "m2");
        CompletableFuture<String> other = lanes.submit("ola", () -> "o1");
        assertThat(pool)
                .as("mallory's first and ola's: mallory's second waits in its lane")
                .hasSize(2);

        runNext();
        assertThat(first).isCompletedWithValue("m1");
        assertThat(pool).as("mallory's second starts when the first is done").hasSize(2);
        runNext();
        assertThat(other).isCompletedWithValue("o1");
        runNext();
        assertThat(second).isCompletedWithValue("m2");
        assertThat(lanes.running("mallory")).isZero();
    }

    @Test
    void aCallerWithTooManyDocumentsWaitingIsRefusedNamingTheSetting() {
        List<CompletableFuture<Integer>> accepted = new ArrayList<>();
        for (int i = 0; i <= PlanningSettings.MAX_WAITING_PER_CALLER; i++) {
            int n = i;
            accepted.add(lanes.submit("mallory", () -> n));
        }
        assertThatThrownBy(() -> lanes.submit("mallory", () -> -1))
                .isInstanceOf(PlanningLanes.Full.class)
                .hasMessage("mallory already has 1 new operations being planned and 32 waiting "
                        + "(gateway.limits.max-plans-per-caller 1): try again when they are done");
        assertThat(lanes.submit("ola", () -> 7))
                .as("another caller is not held up")
                .isNotNull();
        while (!pool.isEmpty()) {
            runNext();
        }
        assertThat(accepted).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }

    @Test
    void aFailedPlanFreesTheCallersShare() {
        CompletableFuture<String> failed = lanes.submit("mallory", () -> {
            throw new IllegalStateException("planner bug");
        });
        CompletableFuture<String> next = lanes.submit("mallory", () -> "after");
        runNext();
        assertThat(failed).isCompletedExceptionally();
        runNext();
        assertThat(next).isCompletedWithValue("after");
    }
}
