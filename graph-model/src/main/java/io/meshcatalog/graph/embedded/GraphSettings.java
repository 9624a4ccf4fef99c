package io.meshcatalog.graph.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the graph is: an external server when {@code uri} is set ({@code NEO4J_URI},
 * {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}), otherwise an embedded Neo4j under {@code dataDir}.
 */
public record GraphSettings(
        @Nullable URI uri, String username, String password, Path dataDir, int boltPort, long pageCacheBytes) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data", "neo4j");
    public static final long DEFAULT_PAGE_CACHE = 512L * 1024 * 1024;

    public static GraphSettings embedded(Path dataDir) {
        return new GraphSettings(null, "neo4j", "", dataDir, 0, DEFAULT_PAGE_CACHE);
    }

    /** Reads {@code NEO4J_URI}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD} and {@code MESH_DATA_DIR}. */
    public static GraphSettings fromEnvironment(Map<String, String> env) {
        String uri = env.get("NEO4J_URI");
        Path dataDir = env.containsKey("MESH_DATA_DIR") ? Path.of(env.get("MESH_DATA_DIR"), "neo4j") : DEFAULT_DATA_DIR;
        return new GraphSettings(
                uri == null || uri.isBlank() ? null : URI.create(uri),
                env.getOrDefault("NEO4J_USERNAME", "neo4j"),
                env.getOrDefault("NEO4J_PASSWORD", ""),
                dataDir,
                0,
                DEFAULT_PAGE_CACHE);
    }

    public boolean isEmbedded() {
        return uri == null;
    }

    @Override
    public String toString() {
        // never print the password
        return isEmbedded() ? "embedded Neo4j in " + dataDir : "Neo4j at " + uri + " as " + username;
    }
}
