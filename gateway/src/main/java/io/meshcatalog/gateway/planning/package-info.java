/**
 * Operation to plan: which subgraph fetches answer a client operation, in which order, and where
 * their results merge. Plans are data ({@link io.meshcatalog.gateway.planning.PlanNode}) printed
 * as stable text for tests and for clients that ask to see them. Pure: no Spring, no I/O.
 */
@NullMarked
package io.meshcatalog.gateway.planning;

import org.jspecify.annotations.NullMarked;
