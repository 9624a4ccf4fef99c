package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.HealthProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;

/**
 * The catalog's Neo4j, for {@code GET /health}: UP when the driver reaches it within two seconds. The driver
 * reconnects by itself when Neo4j comes back; until then catalog fields answer SERVICE_UNAVAILABLE and federation goes
 * on.
 */
final class Neo4jProbe implements HealthProbe {

    private final Driver driver;

    Neo4jProbe(Driver driver) {
        this.driver = driver;
    }

    @Override
    public String name() {
        return "neo4j";
    }

    @Override
    public CompletableFuture<Map<String, Object>> probe() {
        return driver.verifyConnectivityAsync()
                .toCompletableFuture()
                .orTimeout(2, TimeUnit.SECONDS)
                .handle((ok, failure) -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("state", failure == null ? "UP" : "DOWN");
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        state.put(
                                "error",
                                cause instanceof java.util.concurrent.TimeoutException
                                        ? "no answer within 2 s"
                                        : "unreachable (" + cause.getClass().getSimpleName() + ")");
                    }
                    return state;
                });
    }
}
