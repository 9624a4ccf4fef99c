package io.meshcatalog.graph.vocabulary;

import io.meshcatalog.graph.model.Consumer;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Products and datasets of one or more domains as GraphQL views, built from their descriptors and looked up by id.
 * Converting the descriptor records here, in one place, keeps every resolver a plain property read, in a domain
 * subgraph (its own domain) and in the gateway's catalog (every harvested domain) alike. An immutable value:
 * when descriptors change, build a new one.
 */
public final class CatalogIndex {

    /** Knows no product and no dataset. */
    public static final CatalogIndex EMPTY = of(List.of());

    private final Map<String, CatalogProduct> products = new LinkedHashMap<>();
    private final Map<String, CatalogDataset> datasets = new LinkedHashMap<>();

    private CatalogIndex() {}

    public static CatalogIndex of(DomainDescriptor descriptor) {
        return of(List.of(descriptor));
    }

    /** The views of every product of {@code descriptors}, in their order. */
    public static CatalogIndex of(Collection<DomainDescriptor> descriptors) {
        CatalogIndex index = new CatalogIndex();
        for (DomainDescriptor descriptor : descriptors) {
            CatalogDomain domain = domain(descriptor.domain());
            for (DataProduct product : descriptor.products()) {
                CatalogProduct view = product(product, domain);
                index.products.put(view.id(), view);
                view.datasets().forEach(dataset -> index.datasets.put(dataset.id(), dataset));
            }
        }
        return index;
    }

    public List<CatalogProduct> products() {
        return List.copyOf(products.values());
    }

    public Optional<CatalogProduct> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public Optional<CatalogDataset> dataset(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    private static CatalogDomain domain(Domain domain) {
        return new CatalogDomain(domain.id().value(), domain.name(), domain.description(), domain.team());
    }

    private static CatalogProduct product(DataProduct product, CatalogDomain domain) {
        String productId = product.id().value();
        return new CatalogProduct(
                productId,
                product.name(),
                domain,
                product.status().name(),
                product.visibility().name(),
                product.version(),
                product.description(),
                product.tags(),
                product.team() != null ? product.team() : domain.owner(),
                product.team() == null,
                product.support(),
                product.inputPorts().stream()
                        .map(port -> new CatalogInputPort(
                                port.name(), port.contractId().value(), port.version()))
                        .toList(),
                product.outputPorts(),
                product.datasets().stream()
                        .map(dataset -> dataset(dataset, productId))
                        .toList(),
                product.consumers().stream().map(CatalogIndex::consumer).toList(),
                product.sla());
    }

    private static CatalogDataset dataset(Dataset dataset, String productId) {
        return new CatalogDataset(
                dataset.id().value(),
                dataset.id().name(),
                dataset.physicalName(),
                dataset.description(),
                dataset.tags(),
                dataset.fields().stream().map(field -> field(dataset, field)).toList(),
                productId);
    }

    private static CatalogField field(Dataset dataset, Field field) {
        return new CatalogField(
                dataset.ref(field).value(),
                field.name(),
                field.logicalType(),
                field.description(),
                field.classification() == null ? null : field.classification().name(),
                field.criticalDataElement(),
                field.required(),
                field.primaryKey(),
                field.tags(),
                field.transformSourceObjects().stream().map(FieldRef::value).toList(),
                field.transformDescription(),
                field.examples());
    }

    private static CatalogConsumer consumer(Consumer consumer) {
        return new CatalogConsumer(
                consumer.id(),
                consumer.name(),
                consumer.kind().name(),
                consumer.description(),
                consumer.external(),
                consumer.destination(),
                consumer.ownerTeam(),
                consumer.datasets().stream().map(DatasetId::value).toList(),
                consumer.purpose() == null ? null : consumer.purpose().value());
    }
}
