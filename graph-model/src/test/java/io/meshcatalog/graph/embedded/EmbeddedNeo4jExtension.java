package io.meshcatalog.graph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/**
 * One embedded Neo4j per test JVM, reached over Bolt like any server, emptied before each test.
 * It is closed by a shutdown hook when the JVM ends.
 */
public final class EmbeddedNeo4jExtension implements BeforeEachCallback, ParameterResolver {

    private static GraphConnection connection;

    static synchronized GraphConnection connection() {
        if (connection == null) {
            try {
                Path home = Files.createTempDirectory("mesh-catalog-neo4j-");
                GraphSettings settings = new GraphSettings(null, "neo4j", "", home, 0, 64L * 1024 * 1024);
                connection = GraphConnection.open(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(connection::close, "neo4j-test-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return connection;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try (var session = connection().driver().session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
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
