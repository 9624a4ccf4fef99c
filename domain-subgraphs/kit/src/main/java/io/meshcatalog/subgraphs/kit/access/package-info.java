/**
 * Who calls a domain subgraph: the caller the gateway asserts in the {@code mesh-caller} header, verified with the
 * secret they share, and what it may see of the domain's products (graph-model's visibility rule, applied to the
 * descriptor the subgraph serves).
 */
@NullMarked
package io.meshcatalog.subgraphs.kit.access;

import org.jspecify.annotations.NullMarked;
