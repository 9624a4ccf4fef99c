package ${package};

import io.meshcatalog.subgraphs.kit.SubgraphConfiguration;
import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The ${domain} subgraph: the subgraph kit serving the domain's descriptor (src/main/resources/descriptor.yaml) as a
 * Federation v2 subgraph, with {@code ${domain}Products} and the catalog contract the gateway harvests. Add the fields
 * the domain computes with an extension SDL (the third argument of the definition) and a controller for them.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(SubgraphConfiguration.class)
public class SubgraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubgraphApplication.class, args);
    }

    @Bean
    SubgraphDefinition ${domain}Definition() {
        return new SubgraphDefinition("${domain}", "classpath:descriptor.yaml", null);
    }
}
