package io.meshcatalog.graph.vocabulary;

import io.meshcatalog.graph.access.ProductAccess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.model.Description;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.model.Visibility;
import java.util.List;
import java.util.Set;

/** The GraphQL {@code DataProduct} as a domain's descriptor declares it, field for field. */
public record CatalogProduct(
        String id,
        String name,
        CatalogDomain domain,
        String status,
        String visibility,
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

    /** Whether {@code viewer}, granted access to {@code grantedProducts}, may see this product. */
    public boolean visibleTo(Viewer viewer, Set<String> grantedProducts) {
        return ProductAccess.maySee(viewer, Visibility.valueOf(visibility), owner.name(), id, grantedProducts);
    }
}
