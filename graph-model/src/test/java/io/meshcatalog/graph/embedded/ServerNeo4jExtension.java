package io.meshcatalog.graph.embedded;

/**
 * Neo4j in a process of its own, its procedures loaded from the plugin jar ({@link Neo4jServerProcess}): one for the
 * tests of a JVM, started the first time one asks for it, emptied before each test, stopped when the JVM ends (and
 * by itself when the JVM that started it is gone).
 */
public final class ServerNeo4jExtension extends GraphExtension {

    private static Neo4jServerProcess server;

    static synchronized GraphConnection shared() {
        if (server == null) {
            server = Neo4jServerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-server-stop"));
        }
        return server.connection();
    }

    @Override
    GraphConnection connection() {
        return shared();
    }
}
