package io.meshcatalog.graph.embedded;

import io.meshcatalog.graph.procedures.LineageProcedures;
import io.meshcatalog.graph.procedures.search.SearchProcedures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j 5.26 LTS whose only door is Bolt on 127.0.0.1, so that the application talks
 * to it exactly as it would to a server: one code path, embedded or not. Authentication is on, with the
 * password of {@link BoltPassword}: other processes and users of the same machine reach the loopback port too.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String USER = "neo4j";

    private final DatabaseManagementService service;
    private final Path home;
    private final int port;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int port, String password) {
        this.service = service;
        this.home = home;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts Neo4j with its data under {@code home} (kept across restarts) and Bolt on {@code port},
     * or on a free port when {@code port} is 0.
     */
    public static EmbeddedNeo4j start(Path home, int port, long pageCacheBytes) {
        return start(home, port, pageCacheBytes, null);
    }

    /**
     * Starts Neo4j as {@link #start} does, but with Mesh Catalog's procedures loaded from the plugin jars in
     * {@code plugins} (graph-model's {@code neo4j-plugin} jar), as a Neo4j server loads them, instead of registered
     * from this process's classes: a stand-in for a server in tests.
     */
    public static EmbeddedNeo4j startWithPlugins(Path home, int port, long pageCacheBytes, Path plugins) {
        return start(home, port, pageCacheBytes, plugins);
    }

    private static EmbeddedNeo4j start(Path home, int port, long pageCacheBytes, @Nullable Path plugins) {
        int boltPort = port == 0 ? freePort() : port;
        long started = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home.toAbsolutePath());
        if (plugins != null) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, plugins.toAbsolutePath());
            // a server's routing table names it where it listens, so neo4j:// URIs reach it as they reach a cluster
            builder.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort));
        }
        DatabaseManagementService service = builder.setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Netty 4.2 (managed by Spring Boot 4) cannot host Neo4j 5.26's in-JVM local connector
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt's two Netty event loop groups each wait a quiet period (5 s) before they stop: 10 s of every
                // shutdown spent idle. Its connections are closed by then, so nothing is lost without it.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        if (plugins == null) {
            registerProcedures(service);
        }
        String password = BoltPassword.readOrCreate(home);
        setPassword(service, password);
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, home, boltPort, password);
        log.info(
                "Embedded Neo4j started in {} ms: data in {}, Bolt on {}",
                (System.nanoTime() - started) / 1_000_000,
                home.toAbsolutePath(),
                neo4j.boltUri());
        return neo4j;
    }

    public URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + port);
    }

    /** The user Bolt clients log in as. */
    public String username() {
        return USER;
    }

    /** Its password, kept in the data directory (see {@link BoltPassword}). */
    public String password() {
        return password;
    }

    @Override
    public void close() {
        service.shutdown();
        log.info("Embedded Neo4j in {} stopped", home.toAbsolutePath());
    }

    /**
     * Mesh Catalog's own procedures, so lineage walks run inside the database (see {@link LineageProcedures}) and
     * searches ask its search index ({@link SearchProcedures}).
     */
    private static void registerProcedures(DatabaseManagementService service) {
        GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try {
            database.getDependencyResolver()
                    .resolveDependency(GlobalProcedures.class)
                    .registerProcedure(LineageProcedures.class);
            database.getDependencyResolver()
                    .resolveDependency(GlobalProcedures.class)
                    .registerProcedure(SearchProcedures.class);
        } catch (ProcedureException e) {
            service.shutdown();
            throw new IllegalStateException("cannot register Mesh Catalog's procedures: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the password of the default user, at every start: through the embedded API, which needs none, on the
     * system database; the first start also clears the "change the initial password" flag.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (RuntimeException e) {
            // "The new password must be different": it already is this one.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                service.shutdown();
                throw new IllegalStateException("cannot set the embedded Neo4j's password: " + e.getMessage(), e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for the embedded Neo4j", e);
        }
    }
}
