package io.meshcatalog.graph.model;

import java.util.List;

/** One domain's descriptor: the domain and every product it publishes, validated as a whole. */
public record DomainDescriptor(Domain domain, List<DataProduct> products) {

    public DomainDescriptor {
        products = List.copyOf(products);
    }
}
