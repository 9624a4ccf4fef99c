package io.meshcatalog.graph.embedded;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Neo4j in a JVM of its own ({@link StandaloneNeo4j}), with graph-model's {@code neo4j-plugin} jar, the one the
 * build makes for servers, in its plugins folder: the procedures come from the jar, as on a server, not from the test's
 * classes. The store reaches it only through {@code NEO4J_URI}, as it reaches a server; so do gateway processes started
 * with its {@link #environment()}.
 */
public final class Neo4jServerProcess implements AutoCloseable {

    /** The plugin jar, where {@code mvn package} puts it (the integration tests run after it). */
    static final Path PLUGIN = Path.of("target", "graph-model-neo4j-plugin.jar");

    private final Process process;
    private final GraphConnection connection;
    private final Map<String, String> environment;

    private Neo4jServerProcess(Process process, GraphConnection connection, Map<String, String> environment) {
        this.process = process;
        this.connection = connection;
        this.environment = environment;
    }

    static Neo4jServerProcess start() {
        return start(PLUGIN);
    }

    /** Starts Neo4j with {@code plugin}, graph-model's plugin jar, in its plugins folder, on a new graph. */
    public static Neo4jServerProcess start(Path plugin) {
        try {
            return start(
                    plugin,
                    Files.createTempDirectory("mesh-catalog-neo4j-server-").resolve("data"),
                    64L << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Neo4j with {@code plugin} in its plugins folder on the graph in {@code data} (one an embedded Neo4j kept
     * there, with its Bolt password, or a new one), with a page cache of {@code pageCache} bytes.
     */
    public static Neo4jServerProcess start(Path plugin, Path data, long pageCache) {
        if (!Files.isRegularFile(plugin)) {
            throw new IllegalStateException(plugin.toAbsolutePath() + " is missing: graph-model's package phase "
                    + "builds it (mvn verify runs it before the integration tests)");
        }
        try {
            Path plugins = Files.createTempDirectory("mesh-catalog-neo4j-plugins-");
            Files.copy(plugin, plugins.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx512m",
                            "-cp",
                            classPath(),
                            StandaloneNeo4j.class.getName(),
                            data.toString(),
                            plugins.toString(),
                            Long.toString(pageCache))
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new ArrayList<>();
            // neo4j://, as a cluster is reached: the driver asks the server for its routing table and sends reads and
            // writes where the table says, with bookmarks
            String uri = awaitBolt(process, output).replaceFirst("^bolt://", "neo4j://");
            String password = BoltPassword.readOrCreate(data);
            Map<String, String> environment =
                    Map.of("NEO4J_URI", uri, "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", password);
            GraphConnection connection = GraphConnection.open(GraphSettings.fromEnvironment(environment));
            return new Neo4jServerProcess(process, connection, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This JVM's class path: the test's, or under {@code exec:java} (a benchmark run from Maven, whose own JVM's class
     * path is Maven's) the project's, as its class loader holds it.
     */
    private static String classPath() {
        String own = System.getProperty("java.class.path");
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                && loader.getURLs().length > 0) {
            return Arrays.stream(loader.getURLs())
                            .map(url -> Path.of(URI.create(url.toString())).toString())
                            .collect(Collectors.joining(File.pathSeparator))
                    + File.pathSeparator
                    + own;
        }
        return own;
    }

    /** Reads the process's output until it says where Bolt is; everything it printed is kept for a failure. */
    private static String awaitBolt(Process process, List<String> output) {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> bolt = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("bolt ")) {
                        return line.substring("bolt ".length()).strip();
                    }
                }
                throw new IllegalStateException("the Neo4j process ended before it served Bolt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String uri = bolt.get(120, TimeUnit.SECONDS);
            // keep draining its output, so it never blocks on a full pipe
            CompletableFuture.runAsync(() -> lines.lines().forEach(line -> {}));
            return uri;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new IllegalStateException(
                        "Neo4j did not start as a process of its own: " + e + "; it printed "
                                + String.join("\n", output),
                        e);
            }
        }
    }

    public GraphConnection connection() {
        return connection;
    }

    /** Where it is and how to sign in: {@code NEO4J_URI}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}. */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        connection.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
