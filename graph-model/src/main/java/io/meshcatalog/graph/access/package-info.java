/**
 * Who may see what: the {@link io.meshcatalog.graph.access.Viewer} the catalog's Cypher filters by, and the
 * caller assertion the gateway signs so that domain subgraphs apply the same visibility to their own answers.
 */
@NullMarked
package io.meshcatalog.graph.access;

import org.jspecify.annotations.NullMarked;
