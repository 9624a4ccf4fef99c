/**
 * The built-in catalog subgraph: discovery, ownership, lineage and impact over the lineage store,
 * served in-process as a member of the composed supergraph; the harvest of every subgraph's catalog
 * contract; OpenLineage ingestion and the impact CSV. Loaded only with {@code catalog.enabled=true}
 * (or {@code --demo}), so a plain {@code --supergraph} gateway starts without Neo4j.
 */
@NullMarked
package io.meshcatalog.gateway.catalog;

import org.jspecify.annotations.NullMarked;
