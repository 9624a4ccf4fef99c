@NullMarked
package io.meshcatalog.subgraphs.marketing;

import org.jspecify.annotations.NullMarked;
