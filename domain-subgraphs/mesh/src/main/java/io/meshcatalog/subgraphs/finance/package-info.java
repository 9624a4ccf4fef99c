/**
 * The finance domain's subgraph: revenue and delay cost, plus the cost figures finance adds to every product in
 * the mesh, including the price of late deliveries computed from shipping's on-time rate ({@code @requires}).
 */
@NullMarked
package io.meshcatalog.subgraphs.finance;

import org.jspecify.annotations.NullMarked;
