package io.meshcatalog.graph.lineage;

import org.jspecify.annotations.Nullable;

/**
 * What an answer leaves out because the viewer may not see it, said without naming it: {@code count} products,
 * datasets, fields and consumers owned by {@code team} (null for datasets no product publishes, known only from
 * OpenLineage). Team names are not secret, so the team can still be told.
 */
public record HiddenItems(@Nullable String team, int count) {}
