package io.meshcatalog.gateway.supergraph;

import org.jspecify.annotations.Nullable;

/**
 * One {@code @join__type} application: the type exists in {@code graph}, optionally as an entity
 * with {@code key}.
 *
 * @param graph the subgraph name
 * @param key the key field set, or null when this application declares no key
 * @param extension whether the subgraph declared the type as an extension (Federation 1)
 * @param resolvable whether the subgraph can resolve the entity from this key via {@code _entities}
 * @param interfaceObject whether the subgraph sees this interface as an object type
 */
public record TypeJoin(
        String graph, @Nullable FieldSet key, boolean extension, boolean resolvable, boolean interfaceObject) {}
