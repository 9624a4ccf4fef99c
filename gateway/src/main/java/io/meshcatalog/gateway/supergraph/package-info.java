/**
 * The supergraph as data: Apollo's {@code join__} SDL (join v0.3 and later) parsed into an
 * immutable model of subgraphs, types and fields with their per-subgraph presence, plus the API
 * schema clients see. Pure: no Spring, no I/O, so the planner and tests can use it anywhere.
 */
@NullMarked
package io.meshcatalog.gateway.supergraph;

import org.jspecify.annotations.NullMarked;
