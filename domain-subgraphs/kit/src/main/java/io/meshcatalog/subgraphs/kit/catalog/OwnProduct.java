package io.meshcatalog.subgraphs.kit.catalog;

import io.meshcatalog.graph.vocabulary.CatalogProduct;
import java.util.Map;

/**
 * One of this subgraph's own products as a {@code DataProduct} entity: its vocabulary fields are read off
 * {@link #view()} (see {@link OwnProductFields}), its domain's own fields by the domain's resolvers.
 */
public record OwnProduct(CatalogProduct view) implements ProductEntity {

    @Override
    public String id() {
        return view.id();
    }

    @Override
    public Map<String, Object> suppliedFields() {
        return Map.of();
    }
}
