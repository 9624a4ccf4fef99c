package io.meshcatalog.graph.procedures.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who may see a catalog node, as keys the index keeps with it and a viewer holds: the rule of {@code
 * visible-product.cypher} and its kin, written for a search index. A public product is seen with the key {@code
 * public} (anyone holds it); an internal one with {@code authenticated}; a private one with its owning team's key or a
 * grant on it. SearchIndexIT holds this and the Cypher rule together.
 */
final class Visibility {

    static final String PUBLIC = "public";
    static final String AUTHENTICATED = "authenticated";

    private Visibility() {}

    static String team(String name) {
        return "team:" + name;
    }

    static String grant(String productId) {
        return "grant:" + productId;
    }

    /** A product's keys: by its visibility, or for a private one its owning teams' and its grants'. */
    static Set<String> ofProduct(@Nullable Object visibility, String productId, Collection<String> owningTeams) {
        Set<String> keys = new TreeSet<>();
        if ("PUBLIC".equals(visibility)) {
            keys.add(PUBLIC);
        } else if (visibility == null || "INTERNAL".equals(visibility)) {
            keys.add(AUTHENTICATED);
        } else {
            owningTeams.forEach(name -> keys.add(team(name)));
            keys.add(grant(productId));
        }
        return keys;
    }

    /**
     * The keys a viewer holds: none for one who sees everything (null: no key is needed), else {@code public}, and when
     * authenticated {@code authenticated}, its teams' and its grants'.
     */
    static @Nullable List<String> ofViewer(
            boolean everything, boolean authenticated, Collection<String> teams, Collection<String> grantedProducts) {
        if (everything) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        keys.add(PUBLIC);
        if (authenticated) {
            keys.add(AUTHENTICATED);
            teams.forEach(name -> keys.add(team(name)));
            grantedProducts.forEach(id -> keys.add(grant(id)));
        }
        return keys;
    }
}
