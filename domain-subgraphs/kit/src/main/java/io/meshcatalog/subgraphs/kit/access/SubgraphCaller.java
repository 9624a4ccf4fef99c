package io.meshcatalog.subgraphs.kit.access;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.access.CallerClaims;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.vocabulary.CatalogProduct;

/**
 * The caller of one request to a subgraph, as this subgraph knows it.
 *
 * @param claims what the gateway asserted, or {@link CallerClaims#ANONYMOUS}
 * @param vouched whether the gateway vouched for the request with a valid assertion: the gateway asks about another
 *     domain's product only after showing it to the caller, so only then does this subgraph answer for it
 */
public record SubgraphCaller(CallerClaims claims, boolean vouched) {

    /** Nobody the gateway vouched for. */
    public static final SubgraphCaller ANONYMOUS = new SubgraphCaller(CallerClaims.ANONYMOUS, false);

    /** The caller of the request {@code env} belongs to; anonymous when none was resolved. */
    public static SubgraphCaller of(DataFetchingEnvironment env) {
        SubgraphCaller caller = env.getGraphQlContext().get(SubgraphCaller.class);
        return caller == null ? ANONYMOUS : caller;
    }

    public Viewer viewer() {
        return claims.viewer();
    }

    /** Whether it may see one of this subgraph's own products. */
    public boolean sees(CatalogProduct product) {
        return product.visibleTo(viewer(), claims.grantedProducts());
    }

    /** Whether the gateway asserted a caller that sees every product (its own harvest, an admin). */
    public boolean seesEverything() {
        return vouched && claims.everything();
    }
}
