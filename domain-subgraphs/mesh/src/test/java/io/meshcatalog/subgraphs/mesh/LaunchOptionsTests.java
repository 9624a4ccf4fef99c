package io.meshcatalog.subgraphs.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

    @Test
    void withoutDomainAllFiveStartInDomainOrder() {
        assertThat(LaunchOptions.parse().domains())
                .containsExactly(
                        DemoDomain.ORDERS,
                        DemoDomain.SHIPPING,
                        DemoDomain.CUSTOMERS,
                        DemoDomain.MARKETING,
                        DemoDomain.FINANCE);
    }

    @Test
    void domainArgumentSelectsOneOrSeveral() {
        assertThat(LaunchOptions.parse("--domain=shipping", "--server.port=4102")
                        .domains())
                .containsExactly(DemoDomain.SHIPPING);
        assertThat(LaunchOptions.parse("--domain=finance, orders").domains())
                .containsExactly(DemoDomain.FINANCE, DemoDomain.ORDERS);
    }

    @Test
    void unknownDomainIsNamedWithTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse("--domain=billing"))
                .withMessage("unknown domain 'billing' in --domain=billing; expected one of "
                        + "orders, shipping, customers, marketing, finance");
    }

    @Test
    void serverPortIsRefusedWhenSeveralDomainsWouldShareIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse("--server.port=4000"))
                .withMessageContaining("--shipping.port=5002");
    }

    @Test
    void defaultPortsAreFourThousandOneToFive() {
        assertThat(DemoDomain.ORDERS.defaultPort()).isEqualTo(4001);
        assertThat(DemoDomain.FINANCE.defaultPort()).isEqualTo(4005);
        assertThat(DemoDomain.SHIPPING.portProperty()).isEqualTo("shipping.port");
    }
}
