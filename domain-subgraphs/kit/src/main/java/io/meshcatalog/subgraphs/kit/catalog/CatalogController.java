package io.meshcatalog.subgraphs.kit.catalog;

import io.meshcatalog.graph.vocabulary.CatalogIndex;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Serves the catalog contract the gateway harvests: the descriptor as written, and the products it declares. */
@Controller
public class CatalogController {

    private final String domain;
    private final String descriptorYaml;
    private final CatalogIndex index;

    public CatalogController(String domain, String descriptorYaml, CatalogIndex index) {
        this.domain = domain;
        this.descriptorYaml = descriptorYaml;
        this.index = index;
    }

    @QueryMapping
    public CatalogContract catalogContract() {
        return new CatalogContract(domain, descriptorYaml, index.products().stream().map(OwnProduct::new).toList());
    }
}
