package io.meshcatalog.graph.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the embedded Neo4j, the one the gateway starts in its own JVM when no
 * {@code NEO4J_URI} is set, over Bolt, whichever Neo4j {@code it.neo4j} names for the others; on an empty graph for
 * each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EmbeddedNeo4jExtension.class)
public @interface EmbeddedNeo4jTest {
}
