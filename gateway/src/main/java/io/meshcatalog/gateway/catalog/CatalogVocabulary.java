package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.vocabulary.CatalogIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vocabulary views of every harvested domain, so the catalog resolves every shareable field of
 * {@code DataProduct} and {@code Dataset} itself and never sends the planner to a domain that does
 * not own the id. The index is a pure value, rebuilt from the descriptors stored on the domains at
 * start and after each harvest; a subgraph that failed keeps its last stored descriptor. A stored
 * descriptor or retired product's snapshot whose text did not change since the last refresh is not parsed again.
 */
final class CatalogVocabulary {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogVocabulary.class);

    /** The most retired products served with their descriptors; older retirements are kept in the graph only. */
    static final int MAX_RETIRED = 10_000;

    private final LineageStore store;
    private final DescriptorLoader loader;
    private volatile CatalogIndex index = CatalogIndex.EMPTY;
    /** Every product served, as declared, with its domain: the harvested ones and the retired ones' last snapshots. */
    private volatile Map<String, Declared> declared = Map.of();
    /** The descriptors of the last refresh by domain. */
    private volatile Map<String, DomainDescriptor> parsed = Map.of();
    /** What the last refresh parsed, by the text it parsed it from: the same text is not parsed twice. */
    private volatile Map<String, DomainDescriptor> byText = Map.of();

    CatalogVocabulary(LineageStore store, DescriptorLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    CatalogIndex index() {
        return index;
    }

    /** The domains whose descriptors name one of {@code teams} as the domain's team, in id order. */
    Set<String> domainsOwnedBy(Set<String> teams) {
        Set<String> owned = new TreeSet<>();
        parsed.forEach((domain, descriptor) -> {
            if (teams.contains(descriptor.domain().team().name())) {
                owned.add(domain);
            }
        });
        return owned;
    }

    /** The descriptor the catalog last harvested of {@code domain}, if it has one that loads. */
    Optional<DomainDescriptor> descriptor(String domain) {
        return Optional.ofNullable(parsed.get(domain));
    }

    /**
     * Rebuilds the index from the stored descriptors, and from the last snapshot of each retired product (no domain
     * declares it any more, but it is still served, as retired); one that no longer loads is logged and left out.
     */
    synchronized void refresh() {
        Map<String, DomainDescriptor> texts = new HashMap<>();
        Map<String, DomainDescriptor> now = new LinkedHashMap<>();
        store.descriptors(Viewer.EVERYTHING)
                .forEach((domain, yaml) -> parse(yaml, "stored descriptor of domain " + domain, texts)
                        .ifPresent(d -> now.put(domain, d)));
        parsed = now;
        List<DomainDescriptor> descriptors = new ArrayList<>();
        for (String snapshot : store.retiredDescriptors(Viewer.EVERYTHING, MAX_RETIRED)) {
            parse(snapshot, "snapshot of a retired product", texts).ifPresent(descriptors::add);
        }
        byText = texts;
        // the declared ones last, so that a product declared again wins over its retired snapshot
        descriptors.addAll(now.values());
        Map<String, Declared> products = new LinkedHashMap<>();
        descriptors.forEach(descriptor -> descriptor
                .products()
                .forEach(product -> products.put(product.id().value(), new Declared(descriptor.domain(), product))));
        declared = products;
        index = CatalogIndex.of(descriptors);
    }

    /** A product as its domain declared it (or, retired, last declared it), with the domain. */
    Optional<Declared> declared(String productId) {
        return Optional.ofNullable(declared.get(productId));
    }

    /** A product as declared, and its domain. */
    record Declared(Domain domain, DataProduct product) {}

    /** {@code yaml} read, or taken from the last refresh when its text is the same; empty, and logged, if it does not load. */
    private Optional<DomainDescriptor> parse(String yaml, String source, Map<String, DomainDescriptor> texts) {
        DomainDescriptor descriptor = byText.get(yaml);
        if (descriptor == null) {
            try {
                descriptor = loader.load(source, yaml);
            } catch (RuntimeException e) {
                LOG.warn("The {} does not load, its vocabulary is left out: {}", source, e.getMessage());
                return Optional.empty();
            }
        }
        texts.put(yaml, descriptor);
        return Optional.of(descriptor);
    }
}
