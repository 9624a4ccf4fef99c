/**
 * The catalog vocabulary as GraphQL sees it: view records shaped exactly like the types of
 * {@code catalog.graphqls}, built once from a domain's descriptor, and the queries that read them.
 */
@NullMarked
package io.meshcatalog.subgraphs.kit.catalog;

import org.jspecify.annotations.NullMarked;
