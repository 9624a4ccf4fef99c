/**
 * Runs plans: sends each fetch to its subgraph over non-blocking HTTP, batches and deduplicates
 * {@code _entities} representations, merges results by response path, and shapes the final
 * response (null propagation, client paths in errors) against the API schema.
 */
@NullMarked
package io.meshcatalog.gateway.execution;

import org.jspecify.annotations.NullMarked;
