package io.meshcatalog.graph.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Neo4j in a process of its own, its procedures loaded from the plugin jar ({@link Neo4jServerProcess}), started for
 * a test class and emptied before each of its tests; stopped when the class is done, so that it takes no memory or
 * processor from the tests after it.
 */
public final class PluginNeo4jExtension extends GraphExtension implements AfterAllCallback {

    private static Neo4jServerProcess server;

    static synchronized GraphConnection shared() {
        if (server == null) {
            server = Neo4jServerProcess.start();
        }
        return server.connection();
    }

    @Override
    GraphConnection connection() {
        return shared();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (PluginNeo4jExtension.class) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
