package io.meshcatalog.subgraphs.kit.catalog;

import java.util.List;

/** The GraphQL {@code CatalogContract}: what the gateway harvests from this subgraph. */
public record CatalogContract(String domain, String descriptorYaml, List<OwnProduct> products) {

    public CatalogContract {
        products = List.copyOf(products);
    }
}
