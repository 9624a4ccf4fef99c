package io.meshcatalog.gateway.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The in-flight rule, one home for both levels of deduplication (a gateway's requests, its subgraph fetches): work for
 * a key that is already in flight is not started again; the caller waits for the work in flight instead. Its outcome
 * reaches only the callers that were waiting when it ended, never a later one, which starts the work anew. A failure
 * reaches every waiting caller; a value reaches them when it is {@code shareable}, each their own copy, made before
 * anyone gets the value (the first caller may change its value). Waiting callers of a value that is not shareable run
 * the work themselves, each on their own.
 *
 * @param <K> what makes two pieces of work the same work: everything that can change the outcome
 * @param <V> the outcome
 */
final class InFlight<K, V> {

    private final Map<K, Shared<V>> inFlight = new ConcurrentHashMap<>();
    private final Predicate<V> shareable;
    private final UnaryOperator<V> copy;

    /**
     * @param shareable whether a value may go to the callers waiting for it
     * @param copy a waiting caller's own copy of a shareable value
     */
    InFlight(Predicate<V> shareable, UnaryOperator<V> copy) {
        this.shareable = shareable;
        this.copy = copy;
    }

    /** The outcome of {@code work} for {@code key}: started here, or the one in flight for the same key. */
    CompletableFuture<V> run(K key, Supplier<CompletableFuture<V>> work) {
        Shared<V> mine = new Shared<>();
        Shared<V> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            CompletableFuture<V> follower = leader.follow();
            // null: the work in flight just ended, and its outcome is not for requests that came after it
            return follower != null
                    ? follower.thenCompose(
                            value -> value != null ? CompletableFuture.completedFuture(value) : start(work))
                    : start(work);
        }
        CompletableFuture<V> answer = new CompletableFuture<>();
        start(work).whenComplete((value, failure) -> {
            inFlight.remove(key, mine); // before handing out: a caller from now on starts the work anew
            List<CompletableFuture<@Nullable V>> followers = mine.close();
            if (failure != null) {
                followers.forEach(f -> f.completeExceptionally(failure));
                answer.completeExceptionally(failure);
                return;
            }
            boolean share = shareable.test(value);
            for (CompletableFuture<@Nullable V> follower : followers) {
                follower.complete(share ? copy.apply(value) : null); // null: run it yourself
            }
            answer.complete(value);
        });
        return answer;
    }

    /** How many distinct pieces of work are in flight now. */
    int size() {
        return inFlight.size();
    }

    private static <V> CompletableFuture<V> start(Supplier<CompletableFuture<V>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One piece of work in flight and the callers waiting for it. */
    private static final class Shared<V> {

        private final List<CompletableFuture<@Nullable V>> followers = new ArrayList<>();
        private boolean done;

        /** A new waiting caller, or null once the outcome is being handed out. */
        synchronized @Nullable CompletableFuture<@Nullable V> follow() {
            if (done) {
                return null;
            }
            CompletableFuture<@Nullable V> follower = new CompletableFuture<>();
            followers.add(follower);
            return follower;
        }

        synchronized List<CompletableFuture<@Nullable V>> close() {
            done = true;
            return List.copyOf(followers);
        }
    }
}
