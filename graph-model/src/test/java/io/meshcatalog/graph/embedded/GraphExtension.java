package io.meshcatalog.graph.embedded;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/** A Neo4j shared by the tests of one JVM, reached over Bolt like any server and emptied before each test. */
abstract class GraphExtension implements BeforeEachCallback, ParameterResolver {

    /** The connection to the shared Neo4j, opened the first time it is asked for. */
    abstract GraphConnection connection();

    @Override
    public void beforeEach(ExtensionContext context) {
        try (var session = connection().driver().session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Driver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return connection().driver();
    }
}
