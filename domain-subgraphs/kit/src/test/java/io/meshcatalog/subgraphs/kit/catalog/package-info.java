@NullMarked
package io.meshcatalog.subgraphs.kit.catalog;

import org.jspecify.annotations.NullMarked;
