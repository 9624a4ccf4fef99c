package io.meshcatalog.subgraphs.kit.catalog;

import io.meshcatalog.graph.model.Description;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import java.util.List;
import java.util.Map;

/** The GraphQL {@code DataProduct} of one of this domain's products, field for field. */
public record CatalogProduct(
        String id,
        String name,
        CatalogDomain domain,
        String status,
        String version,
        Description description,
        List<String> tags,
        Team owner,
        boolean ownerInherited,
        List<SupportChannel> support,
        List<CatalogInputPort> inputPorts,
        List<OutputPort> outputPorts,
        List<CatalogDataset> datasets,
        List<CatalogConsumer> consumers,
        List<SlaProperty> sla) implements ProductEntity {

    public CatalogProduct {
        tags = List.copyOf(tags);
        support = List.copyOf(support);
        inputPorts = List.copyOf(inputPorts);
        outputPorts = List.copyOf(outputPorts);
        datasets = List.copyOf(datasets);
        consumers = List.copyOf(consumers);
        sla = List.copyOf(sla);
    }

    @Override
    public Map<String, Object> suppliedFields() {
        return Map.of();
    }
}
