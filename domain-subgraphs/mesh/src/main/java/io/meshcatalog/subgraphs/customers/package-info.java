/** The customers (CRM) domain's subgraph: contacts and how they were acquired. */
@NullMarked
package io.meshcatalog.subgraphs.customers;

import org.jspecify.annotations.NullMarked;
