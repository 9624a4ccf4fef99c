/**
 * The orders domain's subgraph: orders with their two shipping dates, and the returns whose dates those leave null.
 */
@NullMarked
package io.meshcatalog.subgraphs.orders;

import org.jspecify.annotations.NullMarked;
