/**
 * The federation entry point {@code _entities}: resolving representations of {@code DataProduct} and
 * {@code Dataset} in order, and answering bad representations with GraphQL errors, never with a 500.
 */
@NullMarked
package io.meshcatalog.subgraphs.kit.entities;

import org.jspecify.annotations.NullMarked;
