package io.meshcatalog.graph.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog's integration suite: a test against the Neo4j that the system property {@code it.neo4j} names
 * ({@link ChosenNeo4jExtension}), a Neo4j server process with the plugin unless told otherwise; on an empty graph for
 * each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChosenNeo4jExtension.class)
public @interface Neo4jIntegrationTest {}
