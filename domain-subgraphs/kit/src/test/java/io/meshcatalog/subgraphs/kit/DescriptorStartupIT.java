package io.meshcatalog.subgraphs.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.descriptor.DescriptorException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.NestedExceptionUtils;

/** A subgraph whose descriptor is wrong does not start, and says where the descriptor is wrong. */
class DescriptorStartupIT {

    @Test
    void badDescriptorStopsStartUpWithFileLineAndKey() {
        SpringApplication application = new SpringApplication(DepotSubgraph.class);

        assertThatThrownBy(() -> application.run(
                        "--server.port=0",
                        "--" + SubgraphDefinition.DESCRIPTOR_PROPERTY + "=classpath:fixtures/broken-depot.yaml"))
                .satisfies(failure -> {
                    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(cause).isInstanceOf(DescriptorException.class);
                    assertThat(cause.getMessage())
                            .contains(
                                    "classpath:fixtures/broken-depot.yaml:14:26: products[0].schema[0].properties[0].logicalType: "
                                            + "unknown logicalType 'strnig'");
                });
    }

    @Test
    void descriptorOfAnotherDomainStopsStartUp() {
        SpringApplication application = new SpringApplication(DepotSubgraph.class);

        assertThatThrownBy(() -> application.run(
                        "--server.port=0",
                        "--" + SubgraphDefinition.DESCRIPTOR_PROPERTY + "=classpath:fixtures/other-domain.yaml"))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure)
                                .getMessage())
                        .contains("classpath:fixtures/other-domain.yaml:4:3: domain.id: this subgraph serves domain "
                                + "'depot' but the descriptor declares 'yard'"));
    }
}
