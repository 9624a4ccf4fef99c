package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.http.HttpCall;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The credential a call presents, read from its headers only: {@code Authorization: ApiKey <key>},
 * {@code X-Api-Key: <key>} or {@code Authorization: Bearer <jwt>}.
 */
sealed interface PresentedCredential {

    /** Query parameters that carry credentials in other APIs; URLs end up in logs, so the gateway refuses them. */
    List<String> QUERY_PARAMETERS = List.of("api_key", "apiKey", "access_token", "token");

    /** No credential at all. */
    record None() implements PresentedCredential {}

    record ApiKey(String key) implements PresentedCredential {

        @Override
        public String toString() {
            return "ApiKey[…]";
        }
    }

    record Bearer(String token) implements PresentedCredential {

        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    /** Something the gateway cannot use (another scheme, two credentials, an empty value), and why. */
    record Unusable(String why) implements PresentedCredential {}

    /** The query parameter that carries a credential, or null. */
    static @Nullable String inQueryString(HttpCall call) {
        for (String name : QUERY_PARAMETERS) {
            if (call.parameters().containsKey(name)) {
                return name;
            }
        }
        return null;
    }

    static PresentedCredential of(HttpCall call) {
        String authorization = call.header("authorization");
        String apiKeyHeader = call.header("x-api-key");
        if (authorization != null && apiKeyHeader != null) {
            return new Unusable("send one credential: both Authorization and X-Api-Key are set");
        }
        if (apiKeyHeader != null) {
            String key = apiKeyHeader.strip();
            return key.isEmpty() || key.contains(",")
                    ? new Unusable("the X-Api-Key header must hold exactly one key")
                    : new ApiKey(key);
        }
        if (authorization == null) {
            return new None();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String credential = space < 0 ? "" : value.substring(space + 1).strip();
        if (credential.isEmpty() || credential.contains(",")) {
            return new Unusable("the Authorization header must be 'ApiKey <key>' or 'Bearer <token>', once");
        }
        return switch (scheme) {
            case "apikey" -> new ApiKey(credential);
            case "bearer" -> new Bearer(credential);
            default -> new Unusable("the Authorization scheme must be ApiKey or Bearer");
        };
    }
}
