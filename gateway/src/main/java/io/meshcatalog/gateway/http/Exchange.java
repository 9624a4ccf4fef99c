package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.GatewayResponse;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request the server answered, as metrics and the access log see it.
 *
 * @param at when the request arrived
 * @param method the method ({@code HEAD} as {@code GET})
 * @param path the path asked for
 * @param route the route that answered ({@code /graphql}, {@code /graphiql/**} …), or {@link #UNROUTED}: a bounded
 *     set of values, unlike paths
 * @param status the status answered
 * @param nanos how long it took, from the request read to the answer made
 * @param caller who asked, as authentication found it ({@link Caller#ANONYMOUS} when refused before)
 * @param source the client's address
 * @param requestBytes the request body's size
 * @param responseBytes the answer body's size
 * @param operation the GraphQL operation, for requests that ran one
 * @param traceId the request's trace, when tracing is on
 */
public record Exchange(
        Instant at,
        String method,
        String path,
        String route,
        int status,
        long nanos,
        Caller caller,
        String source,
        int requestBytes,
        int responseBytes,
        GatewayResponse.@Nullable Operation operation,
        @Nullable String traceId) {

    /** The route of a request no route answered (404, 405, or a body that could not be read). */
    public static final String UNROUTED = "unrouted";
}
