@NullMarked
package io.meshcatalog.subgraphs.orders;

import org.jspecify.annotations.NullMarked;
