@NullMarked
package io.meshcatalog.subgraphs.finance;

import org.jspecify.annotations.NullMarked;
