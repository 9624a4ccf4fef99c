@NullMarked
package io.meshcatalog.subgraphs.mesh;

import org.jspecify.annotations.NullMarked;
