package io.meshcatalog.graph.embedded;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

    /**
     * How long after its first transient failure a managed transaction may start another try. The driver waits about
     * 1 s, then about 2 s (each ±20%), so with 2 s a statement is tried three times over about 3 s; with 3 s the
     * jitter decides between three tries and four over 7 s.
     */
    static final Duration MAX_RETRY_TIME = Duration.ofSeconds(2);
    /** How long opening a Bolt connection may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a query waits for a pooled connection. */
    static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(10);

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
        // Managed transactions retry what may pass on a second try (a deadlock, a leader switch, Neo4j restarting)
        // for MAX_RETRY_TIME, not the driver's 30 s: with Neo4j down, a catalog field must fail fast while the rest
        // of the response is served; the pool reconnects by itself when Neo4j is back.
        Config config = Config.builder()
                .withUserAgent("mesh-catalog")
                .withMaxTransactionRetryTime(MAX_RETRY_TIME.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(ACQUISITION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
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
