package io.meshcatalog.graph.vocabulary;

import io.meshcatalog.graph.model.Description;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import java.util.List;

/** The GraphQL {@code DataProduct} as a domain's descriptor declares it, field for field. */
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
        List<SlaProperty> sla) {

    public CatalogProduct {
        tags = List.copyOf(tags);
        support = List.copyOf(support);
        inputPorts = List.copyOf(inputPorts);
        outputPorts = List.copyOf(outputPorts);
        datasets = List.copyOf(datasets);
        consumers = List.copyOf(consumers);
        sla = List.copyOf(sla);
    }
}
