package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.observability.Tracing;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * The subgraph fetches plans make, each in a span of its own (a client span under the request's, whose context the
 * fetch carries on to the subgraph as {@code traceparent}) and measured in Micrometer's global registry: {@code meshcatalog.subgraph.fetches}, a
 * timer by subgraph and outcome ({@code success}, {@code graphql_errors} when the subgraph answered with errors,
 * {@code timeout}, {@code circuit_open}, {@code error}), retries included; and {@code meshcatalog.subgraph.response},
 * the bytes each answer over HTTP carried. Subgraph names come from the supergraph, so the series are bounded.
 */
public final class ObservedSubgraphClient implements SubgraphClient {

    static final String FETCHES = "meshcatalog.subgraph.fetches";
    static final String RESPONSE = "meshcatalog.subgraph.response";

    private final SubgraphClient delegate;

    public ObservedSubgraphClient(SubgraphClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        Timer.Sample sample = Timer.start();
        Span span =
                Tracing.client("fetch " + request.subgraph(), request.context().trace());
        span.setAttribute("graphql.subgraph.name", request.subgraph());
        CompletableFuture<Map<String, Object>> sent;
        try {
            sent = delegate.execute(request.within(request.context().trace().with(span)));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((answer, failure) -> {
            String outcome = outcome(answer, failure);
            sample.stop(Timer.builder(FETCHES)
                    .description("Fetches from subgraphs, by outcome")
                    .tag("subgraph", request.subgraph())
                    .tag("outcome", outcome)
                    .register(Metrics.globalRegistry));
            if (!outcome.equals("success")) {
                span.setStatus(StatusCode.ERROR, outcome);
            }
            span.end();
        });
    }

    /** Records the size of one answer a subgraph sent over HTTP. */
    static void received(String subgraph, int bytes) {
        DistributionSummary.builder(RESPONSE)
                .description("Bytes of subgraph answers")
                .baseUnit("bytes")
                .tag("subgraph", subgraph)
                .register(Metrics.globalRegistry)
                .record(bytes);
    }

    static String outcome(@Nullable Map<String, Object> answer, @Nullable Throwable failure) {
        if (failure == null) {
            return answer != null && answer.get("errors") instanceof java.util.List<?> errors && !errors.isEmpty()
                    ? "graphql_errors"
                    : "success";
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SubgraphFetchException.TimedOut) {
            return "timeout";
        }
        return cause instanceof SubgraphFetchException.NotAsked ? "circuit_open" : "error";
    }
}
