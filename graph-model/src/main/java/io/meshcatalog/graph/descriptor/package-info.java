/**
 * The descriptor format: one YAML file per domain, with ODPS v1.0 keys for products and ODCS v3.1
 * keys for schemas. Loading validates the whole file and reports every problem with file, line and
 * key, or returns nothing at all.
 */
@NullMarked
package io.meshcatalog.graph.descriptor;

import org.jspecify.annotations.NullMarked;
