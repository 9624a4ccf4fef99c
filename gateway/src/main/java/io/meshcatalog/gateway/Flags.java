package io.meshcatalog.gateway;

import org.jspecify.annotations.Nullable;

/**
 * The command-line flags of the tools that run instead of the gateway ({@code --print-supergraph},
 * {@code --verify-audit}), read before any configuration is.
 */
final class Flags {

    private Flags() {}

    /** Whether {@code --flag} or {@code --flag=…} is among {@code args}. */
    static boolean has(String[] args, String flag) {
        for (String arg : args) {
            if (arg.equals(flag) || arg.startsWith(flag + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The value of the first argument starting with {@code prefix} ({@code --name=}); null when none does. */
    static @Nullable String value(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }
}
