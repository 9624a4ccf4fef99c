/**
 * {@code --demo}: the whole demo mesh from one command, the domain subgraphs as a child process, the
 * embedded Neo4j and the gateway with its catalog. The gateway knows the subgraphs only by their jar
 * and HTTP, never by their Java types.
 */
@NullMarked
package io.meshcatalog.gateway.demo;

import org.jspecify.annotations.NullMarked;
