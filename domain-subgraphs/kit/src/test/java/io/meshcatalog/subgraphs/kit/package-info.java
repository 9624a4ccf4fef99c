@NullMarked
package io.meshcatalog.subgraphs.kit;

import org.jspecify.annotations.NullMarked;
