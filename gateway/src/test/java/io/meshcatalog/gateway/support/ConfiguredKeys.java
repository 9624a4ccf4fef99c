package io.meshcatalog.gateway.support;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import java.util.List;

/** Command-line arguments that configure API keys ({@code security.api-keys[n].*}), as an operator would. */
public final class ConfiguredKeys {

    private ConfiguredKeys() {}

    /** The arguments of key number {@code index}: its id, its hash (never the key), whom it authenticates. */
    public static List<String> args(
            int index, ApiKeyFormat.NewKey key, String subject, String role, String team, String expires) {
        String at = "--security.api-keys[" + index + "].";
        return List.of(
                at + "id=" + key.id(),
                at + "hash=" + ApiKeyFormat.configuredHash(key.hash()),
                at + "subject=" + subject,
                at + "roles=" + role,
                at + "teams=" + team,
                at + "expires=" + expires);
    }
}
