package io.meshcatalog.gateway.execution;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who asks, as the HTTP edge authenticated it once per request: the gateway's planner, the catalog and every
 * subgraph call read the same value, never the raw credential.
 *
 * @param subject the user or service (a JWT's {@code sub}, an API key's subject); empty when anonymous
 * @param teams the teams (groups) it acts for; products owned by these teams are its own
 * @param scopes the OAuth scopes it holds, as {@code @requiresScopes} and classification rules read them
 * @param roles what it may do beyond reading
 * @param namespaces the OpenLineage namespaces it may write lineage for ({@code *} for any)
 * @param via how it was authenticated: {@code api-key}, {@code jwt}, {@code anonymous} or {@code internal}
 * @param credential which credential: the API key's id or the token's {@code jti}; null when none
 */
public record Caller(
        String subject,
        Set<String> teams,
        Set<String> scopes,
        Set<Role> roles,
        Set<String> namespaces,
        String via,
        @Nullable String credential) {

    /** Nobody: sees the public view where anonymous access is on, nothing otherwise. */
    public static final Caller ANONYMOUS = new Caller("", Set.of(), Set.of(), Set.of(), Set.of(), "anonymous", null);

    public Caller {
        teams = Set.copyOf(teams);
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        namespaces = Set.copyOf(namespaces);
    }

    /** The gateway acting for itself (harvests, reading subgraph SDL): everything, on its own behalf. */
    public static Caller internal(String subject) {
        return new Caller(subject, Set.of(), Set.of(), Set.of(Role.ADMIN), Set.of("*"), "internal", null);
    }

    public boolean authenticated() {
        return !"anonymous".equals(via);
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Whether it acts for {@code team}. */
    public boolean memberOf(String team) {
        return teams.contains(team);
    }

    /** Whether it may write lineage whose job or outputs are in {@code namespace}. */
    public boolean writesNamespace(String namespace) {
        return admin() || namespaces.contains("*") || namespaces.contains(namespace);
    }

    /**
     * Whose share of a per-caller limit a request from {@code source} uses: an authenticated caller's own wherever it
     * calls from, an anonymous client's by its address.
     */
    public String limitKey(String source) {
        return authenticated() ? "caller " + name() : "address " + source;
    }

    /** How audit records and logs name it: the subject, or {@code anonymous}. */
    public String name() {
        return subject.isEmpty() ? "anonymous" : subject;
    }
}
