package io.meshcatalog.gateway.http;

import java.util.concurrent.CompletableFuture;

/**
 * A check every request passes at the edge, after its route is found and before the route runs: authentication
 * (which resolves the call's caller), cross-site request protection, the route's access rule. The server runs the
 * checks in order; the first refusal answers the request and the route never sees it.
 */
@FunctionalInterface
public interface EdgeCheck {

    /** The call as it goes on (perhaps with its caller resolved), or the answer that refuses it. */
    CompletableFuture<Admission> admit(HttpRoute route, HttpCall call);

    /** What a check decided. */
    sealed interface Admission permits Admitted, Refused {}

    /** Goes on, as {@code call}. */
    record Admitted(HttpCall call) implements Admission {}

    /** Stops here, answered with {@code answer}. */
    record Refused(HttpAnswer answer) implements Admission {}

    static CompletableFuture<Admission> admitted(HttpCall call) {
        return CompletableFuture.completedFuture(new Admitted(call));
    }

    static CompletableFuture<Admission> refused(HttpAnswer answer) {
        return CompletableFuture.completedFuture(new Refused(answer));
    }
}
