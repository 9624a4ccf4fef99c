package io.meshcatalog.gateway.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo router's {@code require_authentication} ({@code gateway.authorization.require-authentication}): a GraphQL
 * request of a caller the checks before this one did not authenticate is answered 401, as the router answers it
 * ({@code {"errors": [{"message": "unauthenticated", "extensions": {"code": "AUTH_ERROR"}}]}}), and runs nothing. It
 * must come after the check that authenticates; other routes are not its concern.
 */
final class AuthenticationRequired implements EdgeCheck {

    private final HttpAnswer refusal;

    AuthenticationRequired(JsonMapper json) {
        this.refusal = HttpAnswer.json(
                401,
                Map.of(
                        "errors",
                        List.of(Map.of("message", "unauthenticated", "extensions", Map.of("code", "AUTH_ERROR")))),
                json);
    }

    @Override
    public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
        return route.path().equals(GraphQLEndpoint.PATH) && !call.caller().authenticated()
                ? EdgeCheck.refused(refusal)
                : EdgeCheck.admitted(call);
    }
}
