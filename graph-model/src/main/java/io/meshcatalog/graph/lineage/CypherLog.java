package io.meshcatalog.graph.lineage;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named statements with bound parameters: each is logged under its own category
 * ({@code io.meshcatalog.graph.cypher}), so the Cypher can be watched without the rest of the app, and timed as
 * {@code meshcatalog.cypher} by statement name and outcome in Micrometer's global registry (the names are the fixed
 * set of {@link Cypher} resources, so the series are bounded); and each runs in a client span ({@code cypher <name>})
 * under the current trace context, when the application has set up OpenTelemetry.
 *
 * <p>Reads pass a circuit breaker: once one of the last two found the server unreachable (after the driver's own
 * retries, about 3 s of them), reads fail at once with {@link ServiceUnavailableException} for {@link #OPEN_FOR}, then
 * one read tries again; so a Neo4j outage costs a client one retry window, not one per statement.
 */
final class CypherLog {

    static final Duration OPEN_FOR = Duration.ofSeconds(10);

    /** Histogram buckets from a millisecond to ten seconds: few enough to keep one series set per statement small. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(25),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(10)
    };

    private static final Logger log = LoggerFactory.getLogger("io.meshcatalog.graph.cypher");

    private final CircuitBreaker reads = CircuitBreaker.of(
            "neo4j-reads",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(2)
                    .minimumNumberOfCalls(1)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(OPEN_FOR)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .recordExceptions(ServiceUnavailableException.class, SessionExpiredException.class)
                    .build());

    /** Runs a statement inside a transaction and reads all its rows. */
    List<Record> run(TransactionContext tx, String name, Map<String, Object> parameters) {
        log.debug("{} {}", name, parameters.keySet());
        return timed(name, () -> tx.run(Cypher.named(name), parameters).list());
    }

    /** Runs a statement inside a transaction that answers exactly one row. */
    Record single(TransactionContext tx, String name, Map<String, Object> parameters) {
        log.debug("{} {}", name, parameters.keySet());
        return timed(name, () -> tx.run(Cypher.named(name), parameters).single());
    }

    /**
     * A read outside any explicit transaction, routed to readers in a cluster; logged with its rows, its
     * time here and the server's own times, so that transfer can be told from work.
     */
    EagerResult read(Driver driver, String name, Map<String, Object> parameters) {
        long started = System.nanoTime();
        EagerResult result;
        try {
            result = reads.executeSupplier(() -> timed(
                    name,
                    () -> driver.executableQuery(Cypher.named(name))
                            .withParameters(parameters)
                            .withConfig(QueryConfig.builder()
                                    .withRouting(RoutingControl.READ)
                                    .build())
                            .execute()));
        } catch (CallNotPermittedException open) {
            throw new ServiceUnavailableException("the graph store was unreachable moments ago; " + name
                    + " was not sent (asked again within " + OPEN_FOR.toSeconds() + " s)");
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "{} {}: {} rows in {} ms (the server's first row after {} ms, last after {} ms more)",
                    name,
                    parameters.keySet(),
                    result.records().size(),
                    (System.nanoTime() - started) / 1_000_000,
                    result.summary().resultAvailableAfter(TimeUnit.MILLISECONDS),
                    result.summary().resultConsumedAfter(TimeUnit.MILLISECONDS));
        }
        return result;
    }

    @SuppressWarnings("try") // the scope is what the statement runs in, not something the body uses
    private static <T> T timed(String name, Supplier<T> statement) {
        long started = System.nanoTime();
        String outcome = "error";
        Span span = GlobalOpenTelemetry.getTracer("io.meshcatalog.graph")
                .spanBuilder("cypher " + name)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "neo4j")
                .setAttribute("db.operation.name", name)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            T result = statement.get();
            outcome = "success";
            return result;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            Timer.builder("meshcatalog.cypher")
                    .description("Named Cypher statements, run to their last row")
                    .tag("statement", name)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(Metrics.globalRegistry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
