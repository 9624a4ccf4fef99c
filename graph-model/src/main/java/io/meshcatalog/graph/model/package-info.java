/**
 * The catalog vocabulary as Java records: typed ids that validate themselves, data products, their
 * datasets, fields, ports, consumers and owners, exactly as a domain descriptor declares them.
 */
@NullMarked
package io.meshcatalog.graph.model;

import org.jspecify.annotations.NullMarked;
