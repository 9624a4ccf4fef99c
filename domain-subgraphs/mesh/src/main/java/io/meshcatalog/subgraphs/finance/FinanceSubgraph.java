package io.meshcatalog.subgraphs.finance;

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The finance subgraph: the kit plus cost figures for every product in the mesh. Its {@link CostLedger} is the
 * kit's {@code ForeignProducts}, so {@code _entities} resolves other domains' products that the ledger knows.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, FinanceController.class})
public class FinanceSubgraph {

    @Bean
    SubgraphDefinition financeDefinition() {
        return new SubgraphDefinition(
                "finance",
                "classpath:io/meshcatalog/subgraphs/finance/finance.yaml",
                "classpath:io/meshcatalog/subgraphs/finance/finance.graphqls");
    }

    @Bean
    CostLedger costLedger() {
        return CostLedger.demo();
    }

    @Bean
    LateDeliveryPricing lateDeliveryPricing() {
        return LateDeliveryPricing.demo();
    }
}
