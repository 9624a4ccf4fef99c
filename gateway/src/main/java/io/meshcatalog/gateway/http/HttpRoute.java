package io.meshcatalog.gateway.http;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the gateway serves at one path: routes are beans, and the server finds them all. A handler runs on the
 * connection's event loop and must not block it; one that waits on I/O other than subgraph fetches (a
 * database) is {@code blocking} and runs on the server's worker threads instead.
 *
 * @param path the path, exact; or, ending in {@code /**}, every path under that prefix
 * @param methods the methods it answers ({@code GET} also answers {@code HEAD})
 * @param blocking whether the handler waits on I/O and must run off the event loops
 * @param handler the answer; a failed future becomes a 500 that names the failure
 * @param access who may call it, as the edge's authentication check enforces it
 */
public record HttpRoute(String path, Set<String> methods, boolean blocking, Handler handler, Access access) {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<HttpAnswer> handle(HttpCall call);
    }

    /**
     * Who may call a route. The edge answers 401 to a caller that must authenticate first and 403 to an
     * authenticated one that lacks what the route needs.
     */
    public enum Access {
        /**
         * Anybody, whatever the anonymous setting (a credential that is sent is still checked): health, GraphiQL's
         * static files.
         */
        PUBLIC,
        /** Any caller the gateway admits: anonymous ones too while anonymous access is on (the public view). */
        CALLER,
        /** Authenticated callers only (writes such as lineage ingestion). */
        AUTHENTICATED,
        /** Admins only. */
        ADMIN
    }

    public HttpRoute {
        methods = Set.copyOf(methods);
    }

    /** A route any admitted caller may call ({@link Access#CALLER}). */
    public HttpRoute(String path, Set<String> methods, boolean blocking, Handler handler) {
        this(path, methods, blocking, handler, Access.CALLER);
    }

    /** A route whose handler does not block. */
    public static HttpRoute of(String path, Set<String> methods, Handler handler) {
        return new HttpRoute(path, methods, false, handler);
    }

    /** A route whose handler waits on a database. */
    public static HttpRoute blocking(String path, Set<String> methods, Handler handler) {
        return new HttpRoute(path, methods, true, handler);
    }

    /** A {@code GET} route that answers at once, from memory. */
    public static HttpRoute get(String path, Function<HttpCall, HttpAnswer> answer) {
        return of(path, Set.of("GET"), call -> CompletableFuture.completedFuture(answer.apply(call)));
    }

    /** The same route, callable by {@code who}. */
    public HttpRoute withAccess(Access who) {
        return new HttpRoute(path, methods, blocking, handler, who);
    }
}
