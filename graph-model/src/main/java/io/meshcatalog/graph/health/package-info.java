/**
 * Data product health: a product's SLA turned into a freshness check ({@link FreshnessSla}), and the one rule that
 * judges a dataset or product FRESH, LATE, FAILING or UNKNOWN from the runs that wrote it at a given instant
 * ({@link Health}). Pure: the graph supplies {@link WriteFacts}, the caller the clock.
 */
@NullMarked
package io.meshcatalog.graph.health;

import org.jspecify.annotations.NullMarked;
