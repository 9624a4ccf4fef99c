package io.meshcatalog.gateway;

import java.util.Map;

/**
 * System properties that save start-up time, set unless the user set them: conformance harnesses restart the
 * gateway once per suite. Without them SLF4J and Spring Boot's logging each look for their provider through every
 * jar on the class path (some 240 of them: a fifth of a second of the main thread); the gateway ships one provider
 * of each, Logback.
 */
final class StartupDefaults {

    private static final Map<String, String> DEFAULTS = Map.of(
            "slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider",
            // SLF4J would announce the explicit provider on stderr at its own INFO level; its warnings still show.
            "slf4j.internal.verbosity", "WARN",
            "org.springframework.boot.logging.LoggingSystem",
                    "org.springframework.boot.logging.logback.LogbackLoggingSystem");

    private StartupDefaults() {}

    static void apply() {
        DEFAULTS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }
}
