package io.meshcatalog.gateway.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast failure in front of the subgraphs: a circuit breaker per subgraph (resilience4j) and retries of queries.
 *
 * <p>A subgraph whose recent fetches failed ({@link Settings#failureRate} percent of the last
 * {@link Settings#window}, once {@link Settings#minimumCalls} were made) is not asked for {@link Settings#openFor}:
 * its part of every response is an error at once, instead of each request waiting for its timeout again. Then a
 * few fetches probe it (half-open) and close the circuit when they succeed. A query whose fetch failed in a way
 * another try may cure ({@link SubgraphFetchException#isTransient()}: no connection, a connection closed before the
 * answer, 502/503/504) is sent again up to {@link Settings#retries} times after a jittered exponential backoff; a
 * mutation never is, nor a fetch that timed out. The outcome of each subgraph's last fetch is kept for
 * {@code /health}.
 */
public final class GuardedSubgraphClient implements SubgraphClient {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedSubgraphClient.class);

    /**
     * @param failureRate the percentage of failed fetches, in the window, that opens a subgraph's circuit (50)
     * @param window how many of a subgraph's last fetches count (20)
     * @param minimumCalls how many fetches the window needs before it can open (5)
     * @param openFor how long an open circuit answers without asking, before it lets probes through (10s)
     * @param probes fetches let through when half-open; all succeeding closes the circuit (2)
     * @param retries how many times a query's transient failure is retried (2; 0 never retries)
     * @param backoff the first retry's wait, doubled for each next one, each randomised by half (50ms)
     */
    public record Settings(
            int failureRate,
            int window,
            int minimumCalls,
            Duration openFor,
            int probes,
            int retries,
            Duration backoff) {

        public static final Settings DEFAULTS =
                new Settings(50, 20, 5, Duration.ofSeconds(10), 2, 2, Duration.ofMillis(50));

        /** The same, never retrying. */
        public Settings withoutRetries() {
            return new Settings(failureRate, window, minimumCalls, openFor, probes, 0, backoff);
        }
    }

    /** How one subgraph fared: its circuit's state, and its last fetch. */
    public record SubgraphState(
            String circuit,
            @Nullable Instant lastFetch,
            @Nullable String lastError) {

        public boolean up() {
            return !"OPEN".equals(circuit) && lastError == null;
        }

        SubgraphState withCircuit(String state) {
            return new SubgraphState(state, lastFetch, lastError);
        }
    }

    private final SubgraphClient delegate;
    private final Settings settings;
    private final CircuitBreakerRegistry breakers;
    private final IntervalFunction backoff;
    private final Map<String, SubgraphState> last = new ConcurrentHashMap<>();

    public GuardedSubgraphClient(SubgraphClient delegate, Settings settings) {
        this.delegate = delegate;
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.probes())
                .build());
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.5);
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        return attempt(request, breakers.circuitBreaker(request.subgraph()), 1);
    }

    /** One subgraph's state; null when it was never asked. */
    public @Nullable SubgraphState state(String subgraph) {
        SubgraphState state = last.get(subgraph);
        return state == null ? null : state.withCircuit(circuit(subgraph));
    }

    private String circuit(String subgraph) {
        return breakers.circuitBreaker(subgraph).getState().name();
    }

    private CompletableFuture<Map<String, Object>> attempt(
            SubgraphRequest request, CircuitBreaker breaker, int attempt) {
        if (!breaker.tryAcquirePermission()) {
            CircuitBreaker.Metrics metrics = breaker.getMetrics();
            return CompletableFuture.failedFuture(
                    new SubgraphFetchException.NotAsked("not asked: its circuit breaker is open, "
                            + "after " + metrics.getNumberOfFailedCalls() + " of its last "
                            + metrics.getNumberOfBufferedCalls()
                            + " fetches failed; it is asked again within "
                            + settings.openFor().toMillis() + " ms"));
        }
        long start = System.nanoTime();
        CompletableFuture<Map<String, Object>> sent;
        try {
            sent = delegate.execute(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((answer, failure) -> {
                    long took = System.nanoTime() - start;
                    if (failure == null) {
                        breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                        last.put(request.subgraph(), new SubgraphState("", Instant.now(), null));
                        return CompletableFuture.completedFuture(answer);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    breaker.onError(took, TimeUnit.NANOSECONDS, cause);
                    last.put(
                            request.subgraph(),
                            new SubgraphState("", Instant.now(), String.valueOf(cause.getMessage())));
                    if (!request.mutation()
                            && attempt <= settings.retries()
                            && cause instanceof SubgraphFetchException fetch
                            && fetch.isTransient()) {
                        long wait = backoff.apply(attempt);
                        LOG.debug(
                                "Retrying a fetch from {} in {} ms (attempt {}): {}",
                                request.subgraph(),
                                wait,
                                attempt + 1,
                                cause.getMessage());
                        return CompletableFuture.supplyAsync(
                                        () -> attempt(request, breaker, attempt + 1),
                                        CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                                .thenCompose(next -> next);
                    }
                    return CompletableFuture.<Map<String, Object>>failedFuture(cause);
                })
                .thenCompose(next -> next);
    }
}
