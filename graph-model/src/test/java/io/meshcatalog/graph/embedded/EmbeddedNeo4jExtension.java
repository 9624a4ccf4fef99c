package io.meshcatalog.graph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded Neo4j per test JVM, reached over Bolt like any server, emptied before each test.
 * It is closed by a shutdown hook when the JVM ends.
 */
public final class EmbeddedNeo4jExtension extends GraphExtension {

    private static GraphConnection connection;

    static synchronized GraphConnection shared() {
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
    GraphConnection connection() {
        return shared();
    }
}
