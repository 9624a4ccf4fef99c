package io.meshcatalog.graph.embedded;

/**
 * One Neo4j per test JVM in a process of its own, its procedures loaded from the plugin jar ({@link
 * Neo4jServerProcess}), emptied before each test; stopped by a shutdown hook when the JVM ends.
 */
public final class PluginNeo4jExtension extends GraphExtension {

    private static Neo4jServerProcess server;

    static synchronized GraphConnection shared() {
        if (server == null) {
            server = Neo4jServerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-server-test-shutdown"));
        }
        return server.connection();
    }

    @Override
    GraphConnection connection() {
        return shared();
    }
}
