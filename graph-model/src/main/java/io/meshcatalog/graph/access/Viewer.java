package io.meshcatalog.graph.access;

import java.util.Set;

/**
 * Whose view of the catalog a read answers: bound as parameters into every read's Cypher, so totals, facets and
 * impact counts are computed over what this viewer may see.
 *
 * @param authenticated whether anybody authenticated (internal products are for authenticated viewers)
 * @param everything whether it sees every product whatever its visibility (admins, the gateway itself)
 * @param subject the user or service, for grants made to it; empty when anonymous
 * @param teams the teams it acts for: their private products, and grants made to them
 * @param scopes its OAuth scopes: {@value ExampleAccess#PII_SCOPE} and {@value ExampleAccess#RESTRICTED_SCOPE}
 *     show the example values of fields so classified (see {@link ExampleAccess})
 */
public record Viewer(boolean authenticated, boolean everything, String subject, Set<String> teams, Set<String> scopes) {

    /** An anonymous viewer: public products only. */
    public static final Viewer PUBLIC = new Viewer(false, false, "", Set.of(), Set.of());

    /**
     * Every product: admins, and the gateway's own reads (harvest, start-up). It holds no scope, so the example
     * values of personal and restricted fields stay withheld from it like from anyone without the scope.
     */
    public static final Viewer EVERYTHING = new Viewer(true, true, "", Set.of(), Set.of());

    public Viewer {
        teams = Set.copyOf(teams);
        scopes = Set.copyOf(scopes);
    }

    /** Without scopes. */
    public Viewer(boolean authenticated, boolean everything, String subject, Set<String> teams) {
        this(authenticated, everything, subject, teams, Set.of());
    }

    /** An authenticated viewer acting for {@code teams}, without scopes. */
    public static Viewer of(String subject, Set<String> teams) {
        return new Viewer(true, false, subject, teams, Set.of());
    }

    /** The same viewer holding {@code granted} scopes. */
    public Viewer withScopes(Set<String> granted) {
        return new Viewer(authenticated, everything, subject, teams, granted);
    }
}
