package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.vocabulary.CatalogIndex;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vocabulary views of every harvested domain, so the catalog resolves every shareable field of
 * {@code DataProduct} and {@code Dataset} itself and never sends the planner to a domain that does
 * not own the id. The index is a pure value, rebuilt from the descriptors stored on the domains at
 * start and after each harvest; a subgraph that failed keeps its last stored descriptor.
 */
final class CatalogVocabulary {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogVocabulary.class);

  private final LineageStore store;
  private final DescriptorLoader loader;
  private volatile CatalogIndex index = CatalogIndex.EMPTY;

  CatalogVocabulary(LineageStore store, DescriptorLoader loader) {
    this.store = store;
    this.loader = loader;
  }

  CatalogIndex index() {
    return index;
  }

  /** Rebuilds the index from the stored descriptors; one that no longer loads is logged and left out. */
  void refresh() {
    List<DomainDescriptor> descriptors = new ArrayList<>();
    store.descriptors().forEach((domain, yaml) -> {
      try {
        descriptors.add(loader.load("stored descriptor of domain " + domain, yaml));
      } catch (RuntimeException e) {
        LOG.warn("The stored descriptor of domain {} does not load, its vocabulary is left out: {}", domain,
            e.getMessage());
      }
    });
    index = CatalogIndex.of(descriptors);
  }
}
