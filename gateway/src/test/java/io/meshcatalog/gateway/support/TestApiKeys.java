package io.meshcatalog.gateway.support;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Callers of a gateway under test as a deployment configures them: each an API key under {@code security.api-keys},
 * stored hashed, presented in {@code X-Api-Key}. Tests that tell callers apart use these, so the real authentication
 * resolves every caller.
 */
public final class TestApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One configured caller: its key, and what the configuration says of it. */
    public record Persona(
            ApiKeyFormat.NewKey key, String subject, List<String> teams, List<String> roles, List<String> scopes) {

        /** The header value a request presents. */
        public String apiKey() {
            return key.key();
        }
    }

    private final List<Persona> personas = new ArrayList<>();

    /** A new caller with a fresh key; roles are {@code READER}, {@code DOMAIN_MEMBER} or {@code ADMIN}. */
    public Persona add(String subject, List<String> teams, List<String> roles, List<String> scopes) {
        Persona persona = new Persona(ApiKeyFormat.generate(RANDOM), subject, teams, roles, scopes);
        personas.add(persona);
        return persona;
    }

    /** Configures every caller added so far as {@code security.api-keys[n]}. */
    public void register(DynamicPropertyRegistry registry) {
        for (int n = 0; n < personas.size(); n++) {
            Persona persona = personas.get(n);
            String prefix = "security.api-keys[" + n + "].";
            registry.add(prefix + "id", persona.key()::id);
            registry.add(
                    prefix + "hash",
                    () -> ApiKeyFormat.configuredHash(persona.key().hash()));
            registry.add(prefix + "subject", persona::subject);
            registry.add(prefix + "teams", () -> String.join(",", persona.teams()));
            registry.add(prefix + "roles", () -> String.join(",", persona.roles()));
            registry.add(prefix + "scopes", () -> String.join(",", persona.scopes()));
            registry.add(prefix + "expires", () -> "2099-01-01");
        }
    }
}
