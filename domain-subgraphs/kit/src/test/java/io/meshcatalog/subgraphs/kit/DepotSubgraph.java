package io.meshcatalog.subgraphs.kit;

import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A subgraph built on the kit the way a domain builds one: a definition bean and a controller for its extension. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, DepotSubgraph.ShelvesController.class})
public class DepotSubgraph {

    @Bean
    SubgraphDefinition depotDefinition() {
        return new SubgraphDefinition("depot", "classpath:fixtures/depot.yaml", "classpath:fixtures/depot.graphqls");
    }

    @Controller
    static class ShelvesController {

        @SchemaMapping(typeName = "DataProduct")
        @Nullable
        Integer shelves(ProductEntity product) {
            return product.id().equals("depot.stock") ? 42 : null;
        }
    }
}
