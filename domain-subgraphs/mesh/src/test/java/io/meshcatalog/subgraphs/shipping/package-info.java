@NullMarked
package io.meshcatalog.subgraphs.shipping;

import org.jspecify.annotations.NullMarked;
