package io.meshcatalog.graph.embedded;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neo4j of the catalog's integration suite, named by the system property {@code it.neo4j}:
 * <ul>
 * <li>{@code server} (the default): Neo4j in a process of its own with the plugin jar, reached through
 * {@code NEO4J_URI} as a server is ({@link ServerNeo4jExtension});</li>
 * <li>{@code embedded}: the embedded Neo4j the gateway runs when no {@code NEO4J_URI} is set
 * ({@link EmbeddedNeo4jExtension});</li>
 * <li>a {@code bolt://} or {@code neo4j://} URI: a server or cluster of your own, signed in to with
 * {@code it.neo4j.username} (neo4j) and {@code it.neo4j.password}. The tests delete every node of its default
 * database before each test: name only a database you can lose.</li>
 * </ul>
 */
public final class ChosenNeo4jExtension extends GraphExtension {

    static final String PROPERTY = "it.neo4j";

    private static final Logger LOG = LoggerFactory.getLogger(ChosenNeo4jExtension.class);

    private static GraphConnection chosen;

    @Override
    GraphConnection connection() {
        return chosen();
    }

    private static synchronized GraphConnection chosen() {
        if (chosen == null) {
            String name = System.getProperty(PROPERTY, "server").strip();
            chosen = switch (name) {
                case "server" -> ServerNeo4jExtension.shared();
                case "embedded" -> EmbeddedNeo4jExtension.shared();
                default -> given(name);
            };
            LOG.info("The catalog's integration tests run on Neo4j at {} (-D{}={})", chosen.uri(), PROPERTY, name);
        }
        return chosen;
    }

    private static GraphConnection given(String uri) {
        if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://.+")) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + uri + " names no Neo4j: say server (a Neo4j "
                    + "process with the plugin, the default), embedded, or a bolt:// or neo4j:// URI");
        }
        GraphConnection connection = GraphConnection.open(GraphSettings.fromEnvironment(Map.of(
                "NEO4J_URI",
                uri,
                "NEO4J_USERNAME",
                System.getProperty(PROPERTY + ".username", "neo4j"),
                "NEO4J_PASSWORD",
                System.getProperty(PROPERTY + ".password", ""))));
        Runtime.getRuntime().addShutdownHook(new Thread(connection::close, "neo4j-driver-close"));
        return connection;
    }
}
