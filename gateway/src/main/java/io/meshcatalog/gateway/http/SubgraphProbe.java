package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GuardedSubgraphClient;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The state of every subgraph of the served supergraph, for {@code GET /health}: a subgraph fetched from in the last
 * {@link #FRESH} is as its last fetch left it; any other is asked {@code { __typename }} (within {@link #TIMEOUT},
 * through the circuit breakers, so an open circuit answers at once). Each is UP, or DOWN with the error and its
 * circuit's state.
 */
final class SubgraphProbe {

    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Gateway gateway;
    private final SubgraphClient client;
    private final @Nullable GuardedSubgraphClient guarded;

    SubgraphProbe(Gateway gateway, SubgraphClient client, @Nullable GuardedSubgraphClient guarded) {
        this.gateway = gateway;
        this.client = client;
        this.guarded = guarded;
    }

    CompletableFuture<Map<String, Map<String, Object>>> probe() {
        Map<String, CompletableFuture<Map<String, Object>>> states = new TreeMap<>();
        gateway.supergraph().subgraphs().forEach(subgraph -> states.put(subgraph.name(), stateOf(subgraph.name())));
        return CompletableFuture.allOf(states.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, Map<String, Object>> out = new TreeMap<>();
                    states.forEach((name, state) -> out.put(name, state.join()));
                    return out;
                });
    }

    private CompletableFuture<Map<String, Object>> stateOf(String subgraph) {
        GuardedSubgraphClient.SubgraphState known = guarded == null ? null : guarded.state(subgraph);
        if (known != null
                && known.lastFetch() != null
                && known.lastFetch().isAfter(Instant.now().minus(FRESH))) {
            return CompletableFuture.completedFuture(describe(known.lastError(), subgraph));
        }
        SubgraphSettings settings = gateway.subgraphs().settings(subgraph);
        SubgraphSettings quick = new SubgraphSettings(
                settings.url(),
                TIMEOUT.compareTo(settings.timeout()) < 0 ? TIMEOUT : settings.timeout(),
                settings.headers());
        CompletableFuture<Map<String, Object>> asked;
        try {
            asked = client.execute(new SubgraphRequest(
                    subgraph,
                    gateway.subgraphs().url(subgraph),
                    "{ __typename }",
                    Map.of(),
                    quick,
                    RequestContext.internal("health")));
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        return asked.orTimeout(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).handle((answer, failure) -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return describe(cause == null ? null : String.valueOf(cause.getMessage()), subgraph);
        });
    }

    private Map<String, Object> describe(@Nullable String error, String subgraph) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", error == null ? "UP" : "DOWN");
        if (error != null) {
            state.put("error", error);
        }
        GuardedSubgraphClient.SubgraphState known = guarded == null ? null : guarded.state(subgraph);
        if (known != null) {
            state.put("circuit", known.circuit());
        }
        return state;
    }

    /** Whether these are subgraphs the gateway cannot serve anything from: every one DOWN. */
    static boolean allDown(Map<String, Map<String, Object>> states) {
        List<Map<String, Object>> all = List.copyOf(states.values());
        return !all.isEmpty() && all.stream().noneMatch(HealthProbe::isUp);
    }
}
