/**
 * The catalog vocabulary served by a domain subgraph: the contract the gateway harvests and the entity types
 * domain resolvers take. The view records themselves live in graph-model ({@code io.meshcatalog.graph.vocabulary}),
 * shared with the gateway's catalog.
 */
@NullMarked
package io.meshcatalog.subgraphs.kit.catalog;

import org.jspecify.annotations.NullMarked;
