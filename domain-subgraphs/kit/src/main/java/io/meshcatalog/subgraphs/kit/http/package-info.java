/**
 * The HTTP edge of a subgraph: requests that never reach GraphQL still get a GraphQL-shaped error body.
 */
@NullMarked
package io.meshcatalog.subgraphs.kit.http;

import org.jspecify.annotations.NullMarked;
