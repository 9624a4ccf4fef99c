@NullMarked
package io.meshcatalog.subgraphs.customers;

import org.jspecify.annotations.NullMarked;
