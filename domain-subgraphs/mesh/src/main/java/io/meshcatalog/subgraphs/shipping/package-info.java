/**
 * The shipping domain's subgraph: shipments, the logistics partner's tracking events and the delay predictor,
 * with the delivery SLA and on-time rate shipping adds to its products.
 */
@NullMarked
package io.meshcatalog.subgraphs.shipping;

import org.jspecify.annotations.NullMarked;
