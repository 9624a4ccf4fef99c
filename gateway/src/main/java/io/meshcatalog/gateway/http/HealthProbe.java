package io.meshcatalog.gateway.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Something the gateway depends on, whose state {@code GET /health} names: the catalog's Neo4j, for one. A probe
 * answers quickly (within a couple of seconds), never throws, and says DOWN rather than wait for its dependency.
 */
public interface HealthProbe {

    /** The name it has in the health answer, such as {@code neo4j}. */
    String name();

    /** {@code {"state": "UP"}}, or {@code {"state": "DOWN", "error": …}}, and whatever else helps an operator. */
    CompletableFuture<Map<String, Object>> probe();

    /** Whether a state is UP. */
    static boolean isUp(Map<String, Object> state) {
        return "UP".equals(state.get("state"));
    }
}
