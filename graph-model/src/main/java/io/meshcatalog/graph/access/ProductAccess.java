package io.meshcatalog.graph.access;

import io.meshcatalog.graph.model.Visibility;
import java.util.Set;

/**
 * Who may see a product, for code that holds descriptors rather than the graph (a domain subgraph): the same rule
 * as the catalog's Cypher predicate ({@code visible-product.cypher} in graph-model's lineage store), which is its
 * rendering over the graph; {@code ProductAccessIT} checks that the two agree case by case. A product is visible to
 * an {@code everything} viewer, to anyone when {@link Visibility#PUBLIC}, to any authenticated viewer when
 * {@link Visibility#INTERNAL}, and otherwise to an authenticated viewer acting for its owning team (its own team, or
 * its domain's when it names none) or granted access to it.
 */
public final class ProductAccess {

    private ProductAccess() {}

    /**
     * @param owningTeam the product's own team, or its domain's when it names none
     * @param granted whether the viewer holds an approved, unexpired grant on the product
     */
    public static boolean maySee(Viewer viewer, Visibility visibility, String owningTeam, boolean granted) {
        if (viewer.everything() || visibility == Visibility.PUBLIC) {
            return true;
        }
        if (!viewer.authenticated()) {
            return false;
        }
        return visibility == Visibility.INTERNAL || viewer.teams().contains(owningTeam) || granted;
    }

    /** {@link #maySee(Viewer, Visibility, String, boolean)} with the products {@code viewer} was granted. */
    public static boolean maySee(
            Viewer viewer, Visibility visibility, String owningTeam, String productId, Set<String> grantedProducts) {
        return maySee(viewer, visibility, owningTeam, grantedProducts.contains(productId));
    }
}
