package io.meshcatalog.subgraphs.mesh;

import io.meshcatalog.subgraphs.customers.CustomersSubgraph;
import io.meshcatalog.subgraphs.finance.FinanceSubgraph;
import io.meshcatalog.subgraphs.marketing.MarketingSubgraph;
import io.meshcatalog.subgraphs.orders.OrdersSubgraph;
import io.meshcatalog.subgraphs.shipping.ShippingSubgraph;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The five domains of the demo mesh, each with its Spring configuration and its default port. */
public enum DemoDomain {
    ORDERS(OrdersSubgraph.class, 4001),
    SHIPPING(ShippingSubgraph.class, 4002),
    CUSTOMERS(CustomersSubgraph.class, 4003),
    MARKETING(MarketingSubgraph.class, 4004),
    FINANCE(FinanceSubgraph.class, 4005);

    private final Class<?> configuration;
    private final int defaultPort;

    DemoDomain(Class<?> configuration, int defaultPort) {
        this.configuration = configuration;
        this.defaultPort = defaultPort;
    }

    /** The domain id, as in the descriptor and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Class<?> configuration() {
        return configuration;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The property that overrides this domain's port, for example {@code shipping.port}. */
    public String portProperty() {
        return id() + ".port";
    }

    /** The property that serves another descriptor file for this domain, for example {@code shipping.descriptor}. */
    public String descriptorProperty() {
        return id() + ".descriptor";
    }

    public static Optional<DemoDomain> byId(String id) {
        return Arrays.stream(values())
                .filter(domain -> domain.id().equals(id.trim()))
                .findFirst();
    }

    static String ids() {
        return Arrays.stream(values()).map(DemoDomain::id).collect(Collectors.joining(", "));
    }
}
