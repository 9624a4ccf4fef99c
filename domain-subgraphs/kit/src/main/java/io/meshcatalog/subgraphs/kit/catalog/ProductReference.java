package io.meshcatalog.subgraphs.kit.catalog;

import java.util.Map;

/**
 * Another domain's product that this subgraph knows something about (finance knows what every product costs).
 * It carries only the key and the fields the gateway supplied; the vocabulary fields stay with the owning domain.
 */
public record ProductReference(String id, Map<String, Object> suppliedFields) implements ProductEntity {

    public ProductReference {
        suppliedFields = Map.copyOf(suppliedFields);
    }
}
