package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.embedded.GraphConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * What the catalog's graph holds, read straight from Neo4j over Bolt with the password the embedded server keeps in
 * its data directory (not through the gateway under test): node counts per label, relationship counts per type, and
 * a digest of every node's and relationship's properties, so that any write, even a changed property, shows. The
 * gateways' coordination is left out: a harvest's lease and the change counts move with every harvest that is tried,
 * whatever it stores.
 *
 * @param labels nodes per label
 * @param types relationships per type
 * @param digest SHA-256 over every node and relationship with its properties, in a stable order
 */
record GraphFingerprint(Map<String, Long> labels, Map<String, Long> types, String digest) {

    /** The demo graph is a few thousand elements; a graph this size or larger is not what these tests read. */
    private static final String NODES = "MATCH (n) WHERE NOT n:HarvestLease AND NOT n:CatalogChange "
            + "WITH n LIMIT 100000 RETURN elementId(n) AS id, labels(n) AS labels, "
            + "properties(n) AS properties ORDER BY id";

    private static final String RELATIONSHIPS = "MATCH (a)-[r]->(b) WITH a, r, b LIMIT 200000 RETURN elementId(a) AS "
            + "start, type(r) AS type, elementId(b) AS end, properties(r) AS properties ORDER BY start, type, end";

    /** Reads the graph of a running gateway, whose embedded Neo4j keeps its data (and password) in {@code dataDir}. */
    static GraphFingerprint of(DemoMesh mesh, Path dataDir) {
        URI bolt = mesh.bean(GraphConnection.class).uri();
        String password = read(dataDir.resolve("bolt-password"));
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", password));
                Session session = driver.session()) {
            MessageDigest digest = sha256();
            Map<String, Long> labels = new TreeMap<>();
            Map<String, Long> types = new TreeMap<>();
            for (Record node : session.run(NODES).list()) {
                node.get("labels").asList(Value::asString).forEach(label -> labels.merge(label, 1L, Long::sum));
                update(
                        digest,
                        node.get("id").asString() + node.get("labels").asList() + sorted(node.get("properties")));
            }
            for (Record relationship : session.run(RELATIONSHIPS).list()) {
                types.merge(relationship.get("type").asString(), 1L, Long::sum);
                update(
                        digest,
                        relationship.get("start").asString()
                                + relationship.get("type").asString()
                                + relationship.get("end").asString()
                                + sorted(relationship.get("properties")));
            }
            return new GraphFingerprint(labels, types, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static String sorted(Value properties) {
        return new TreeMap<>(properties.asMap(Value::toString)).toString();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
