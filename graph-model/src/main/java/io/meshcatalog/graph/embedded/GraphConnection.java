package io.meshcatalog.graph.embedded;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A driver to the lineage graph and, when the graph is embedded, the Neo4j it started. Closing it
 * closes both, driver first.
 */
public final class GraphConnection implements AutoCloseable {

    private final Driver driver;
    private final URI uri;
    private final @Nullable EmbeddedNeo4j embedded;

    private GraphConnection(Driver driver, URI uri, @Nullable EmbeddedNeo4j embedded) {
        this.driver = driver;
        this.uri = uri;
        this.embedded = embedded;
    }

    /**
     * Opens the driver. It logs through {@code System.Logger}, which a Spring Boot application routes
     * to its logging system.
     */
    public static GraphConnection open(GraphSettings settings) {
        EmbeddedNeo4j embedded = null;
        URI uri = settings.uri();
        if (uri == null) {
            embedded = EmbeddedNeo4j.start(settings.dataDir(), settings.boltPort(), settings.pageCacheBytes());
            uri = embedded.boltUri();
        }
        Config config = Config.builder().withUserAgent("mesh-catalog").build();
        Driver driver = embedded != null
                ? GraphDatabase.driver(uri, AuthTokens.basic(embedded.username(), embedded.password()), config)
                : GraphDatabase.driver(uri, AuthTokens.basic(settings.username(), settings.password()), config);
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            if (embedded != null) {
                embedded.close();
            }
            throw new IllegalStateException("cannot reach Neo4j at " + uri + ": " + e.getMessage(), e);
        }
        return new GraphConnection(driver, uri, embedded);
    }

    public Driver driver() {
        return driver;
    }

    public URI uri() {
        return uri;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        driver.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
