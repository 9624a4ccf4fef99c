package io.meshcatalog.subgraphs.shipping;

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shipping subgraph: the kit plus the delivery SLA and on-time rate of shipping's products. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, ShippingController.class})
public class ShippingSubgraph {

    @Bean
    SubgraphDefinition shippingDefinition() {
        return new SubgraphDefinition(
                "shipping",
                "classpath:io/meshcatalog/subgraphs/shipping/shipping.yaml",
                "classpath:io/meshcatalog/subgraphs/shipping/shipping.graphqls");
    }

    @Bean
    DeliveryPerformances deliveryPerformances() {
        return DeliveryPerformances.demo();
    }
}
