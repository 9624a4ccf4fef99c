/**
 * The catalog vocabulary as GraphQL sees it: view records shaped exactly like the types of
 * {@code catalog.graphqls}, built from domain descriptors and looked up by id. Domain subgraphs serve their own
 * domain's; the gateway's catalog serves every harvested domain's, so both answer the same fields the same way.
 */
@NullMarked
package io.meshcatalog.graph.vocabulary;

import org.jspecify.annotations.NullMarked;
