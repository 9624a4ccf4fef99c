/**
 * The API keys an admin creates through the gateway, kept in the catalog graph as {@code (:ApiKey)} nodes: only
 * each key's SHA-256 hash and its visible prefix are stored, never the key.
 */
@NullMarked
package io.meshcatalog.graph.keys;

import org.jspecify.annotations.NullMarked;
