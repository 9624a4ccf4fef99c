/** Starts one demo domain subgraph, or all five, each in its own Spring context on its own port. */
@NullMarked
package io.meshcatalog.subgraphs.mesh;

import org.jspecify.annotations.NullMarked;
