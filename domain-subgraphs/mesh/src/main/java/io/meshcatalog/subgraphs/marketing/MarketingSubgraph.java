package io.meshcatalog.subgraphs.marketing;

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The marketing subgraph: the kit plus the paid-media spend of its audiences. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({SubgraphConfiguration.class, MarketingController.class})
public class MarketingSubgraph {

    @Bean
    SubgraphDefinition marketingDefinition() {
        return new SubgraphDefinition(
                "marketing",
                "classpath:io/meshcatalog/subgraphs/marketing/marketing.yaml",
                "classpath:io/meshcatalog/subgraphs/marketing/marketing.graphqls");
    }
}
