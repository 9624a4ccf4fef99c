package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.http.HttpRoute.Access;
import org.jspecify.annotations.Nullable;

/**
 * Whether a caller may call a route of some {@link Access} level: the one home of that rule. A caller that must
 * authenticate first is told so (401); an authenticated one that lacks a role is told which (403).
 */
final class RouteAccess {

    /** Why a caller may not call a route, and the status that says so. */
    record Denial(int status, String why) {}

    private RouteAccess() {}

    /** Null when {@code caller} may call a route of {@code access}; the denial otherwise. */
    static @Nullable Denial decide(Access access, Caller caller, boolean anonymousPublic, String path) {
        if (access == Access.PUBLIC) {
            return null;
        }
        if (!caller.authenticated()) {
            if (access == Access.CALLER && anonymousPublic) {
                return null;
            }
            return new Denial(
                    401,
                    path + " needs a credential" + (access == Access.ADMIN ? " of an admin" : "")
                            + ": send Authorization: ApiKey <key>, X-Api-Key: <key> or Authorization: Bearer <token>");
        }
        if (access == Access.ADMIN && !caller.admin()) {
            return new Denial(403, path + " is for admins: " + caller.name() + " lacks the ADMIN role");
        }
        return null;
    }
}
