/**
 * The lineage store: the catalog as a Neo4j graph, written by idempotent per-product upserts and
 * read by search, ownership, lineage and impact queries. All Cypher lives in named {@code .cypher}
 * files beside these classes, runs with bound parameters, and every traversal is bounded in depth
 * and size.
 */
@NullMarked
package io.meshcatalog.graph.lineage;

import org.jspecify.annotations.NullMarked;
