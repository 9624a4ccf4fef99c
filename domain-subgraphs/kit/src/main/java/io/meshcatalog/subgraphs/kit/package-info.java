/**
 * The subgraph kit: give it a domain's descriptor YAML and extension SDL, and it serves them as an Apollo
 * Federation v2 subgraph on Spring GraphQL, or refuses to start and says which line of the descriptor is wrong.
 */
@NullMarked
package io.meshcatalog.subgraphs.kit;

import org.jspecify.annotations.NullMarked;
