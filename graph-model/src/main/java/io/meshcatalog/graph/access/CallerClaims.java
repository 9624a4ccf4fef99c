package io.meshcatalog.graph.access;

import java.util.Set;

/**
 * What the gateway tells a subgraph about the caller of a fetch, inside a {@link CallerAssertion}: enough for the
 * subgraph to apply the catalog's visibility rules to what it answers, and nothing that is a credential.
 *
 * @param subject the user or service; empty when anonymous
 * @param authenticated whether the caller authenticated
 * @param everything whether it sees every product (admins)
 * @param teams the teams it acts for
 * @param scopes its OAuth scopes
 * @param grantedProducts the private products it was granted access to (approved and unexpired)
 */
public record CallerClaims(
        String subject,
        boolean authenticated,
        boolean everything,
        Set<String> teams,
        Set<String> scopes,
        Set<String> grantedProducts) {

    public static final CallerClaims ANONYMOUS = new CallerClaims("", false, false, Set.of(), Set.of(), Set.of());

    public CallerClaims {
        teams = Set.copyOf(teams);
        scopes = Set.copyOf(scopes);
        grantedProducts = Set.copyOf(grantedProducts);
    }

    /** The catalog view these claims allow. */
    public Viewer viewer() {
        return new Viewer(authenticated, everything, subject, teams, scopes);
    }
}
