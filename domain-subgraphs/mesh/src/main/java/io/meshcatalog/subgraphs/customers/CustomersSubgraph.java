package io.meshcatalog.subgraphs.customers;

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The customers (CRM) subgraph: the kit plus the marketing-consent rate of its products. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, CustomersController.class})
public class CustomersSubgraph {

    @Bean
    SubgraphDefinition customersDefinition() {
        return new SubgraphDefinition(
                "customers",
                "classpath:io/meshcatalog/subgraphs/customers/customers.yaml",
                "classpath:io/meshcatalog/subgraphs/customers/customers.graphqls");
    }
}
