package io.meshcatalog.graph.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against Neo4j in a process of its own, reached through {@code NEO4J_URI} as a server is, with
 * Mesh Catalog's procedures from the plugin jar the build makes, whichever Neo4j {@code it.neo4j} names for the
 * others; on an empty graph for each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ServerNeo4jExtension.class)
public @interface ServerNeo4jTest {}
