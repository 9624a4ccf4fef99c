package io.meshcatalog.subgraphs.orders;

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The orders subgraph: the kit plus the daily volumes orders adds to its datasets. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, OrdersController.class})
public class OrdersSubgraph {

    @Bean
    SubgraphDefinition ordersDefinition() {
        return new SubgraphDefinition(
                "orders",
                "classpath:io/meshcatalog/subgraphs/orders/orders.yaml",
                "classpath:io/meshcatalog/subgraphs/orders/orders.graphqls");
    }
}
