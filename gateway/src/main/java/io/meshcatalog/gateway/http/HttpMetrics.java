package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.GatewayResponse;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Every answered request as {@code http.server.requests} (by method, route and status), and every GraphQL request as
 * {@code meshcatalog.operations} (by operation name, type and outcome), in Micrometer's global registry.
 *
 * <p>Label values are bounded: routes are the route table's paths, never the paths asked for; an operation is named
 * only once its document parsed and validated, and only the first {@code gateway.metrics.max-operation-names} names
 * get their own series; later ones are counted as {@code other}, so a client inventing names cannot grow the registry.
 */
final class HttpMetrics implements ExchangeListener {

    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private final int maxOperationNames;

    HttpMetrics(int maxOperationNames) {
        this.maxOperationNames = maxOperationNames;
    }

    @Override
    public void answered(Exchange exchange) {
        Timer.builder("http.server.requests")
                .description("HTTP requests the gateway answered")
                .tag("method", exchange.method())
                .tag("route", exchange.route())
                .tag("status", Integer.toString(exchange.status()))
                .register(Metrics.globalRegistry)
                .record(exchange.nanos(), TimeUnit.NANOSECONDS);
        if (!exchange.route().equals(GraphQLEndpoint.PATH)) {
            return;
        }
        GatewayResponse.Operation operation = exchange.operation();
        Timer.builder("meshcatalog.operations")
                .description("GraphQL operations, from request to response")
                .tag("operation", operation == null ? "unknown" : name(operation.name()))
                .tag("type", operation == null ? "unknown" : operation.type())
                .tag("outcome", outcome(exchange.status(), operation))
                .register(Metrics.globalRegistry)
                .record(exchange.nanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * {@code success}; {@code errors} when the response has errors (a failed subgraph, a denied field); {@code refused}
     * when it never ran (unreadable, invalid, over a limit, unauthenticated); {@code rate_limited}.
     */
    static String outcome(int status, GatewayResponse.@Nullable Operation operation) {
        if (status == 429) {
            return "rate_limited";
        }
        if (operation == null) {
            return "refused";
        }
        return operation.errors() ? "errors" : "success";
    }

    private String name(String name) {
        if (name.isEmpty()) {
            return "anonymous";
        }
        if (named.contains(name) || (named.size() < maxOperationNames && named.add(name))) {
            return name;
        }
        return "other";
    }
}
