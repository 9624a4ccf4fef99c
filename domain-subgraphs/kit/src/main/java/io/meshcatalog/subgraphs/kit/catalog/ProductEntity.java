package io.meshcatalog.subgraphs.kit.catalog;

import java.util.Map;

/**
 * A {@code DataProduct} entity as this subgraph holds it: one of its own products, or a reference to another
 * domain's product that this subgraph contributes fields to. Domain resolvers take this type, so they serve both.
 */
public sealed interface ProductEntity permits OwnProduct, ProductReference {

    String id();

    /**
     * The fields another subgraph supplied in the entity representation ({@code @requires}); empty for products
     * read from this subgraph's own descriptor.
     */
    Map<String, Object> suppliedFields();
}
