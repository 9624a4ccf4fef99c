/**
 * Persisted documents: operations named by id instead of sent whole, Apollo's automatic persisted queries and
 * persisted query lists, and the safelist built on them. Pure: the lists arrive as bytes, and nothing here does I/O.
 */
@NullMarked
package io.meshcatalog.gateway.persisted;

import org.jspecify.annotations.NullMarked;
