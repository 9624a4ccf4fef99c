package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.graph.bench.BulkLoader;
import io.meshcatalog.graph.bench.MeshSpec;
import io.meshcatalog.graph.bench.SyntheticMesh;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * graph-model's synthetic mesh (1M datasets by default) bulk loaded into an embedded graph, or reused from an earlier
 * run, and the gateway started on it with the catalog alone, its rate limits off and an admin API key: the set-up the
 * catalog benchmarks share. System properties: {@code bench.datasets} (1000000), {@code bench.home} (keeps the graph
 * in {@code DIR/d<datasets>/neo4j} and reuses it; default a temporary folder, deleted by nobody), {@code bench.batch}
 * (10000 rows per load transaction), {@code bench.pageCacheMb} (2048: the 1M graph is about 1 GB).
 */
final class SyntheticCatalog implements AutoCloseable {

    /** An admin: anonymous callers see only public products, and the mesh's are internal. */
    final ApiKeyFormat.NewKey adminKey = ApiKeyFormat.generate(new SecureRandom());
    /** A reader in one domain's team: what most callers are, and the visibility rules run for it. */
    final ApiKeyFormat.NewKey readerKey = ApiKeyFormat.generate(new SecureRandom());

    static final String READER = "bench-reader";
    static final String READER_TEAM = "team-dom0";
    final SyntheticMesh mesh;
    final ConfigurableApplicationContext context;
    final String base;

    private SyntheticCatalog(SyntheticMesh mesh, Path dataDir, long pageCacheMb) throws InterruptedException {
        this.mesh = mesh;
        long[] before = load(mesh, dataDir, Integer.getInteger("bench.batch", 10_000), pageCacheMb << 20);
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                // the catalog alone: its own name is its only subgraph, so the harvest at start has nothing to fetch
                "--subgraphs=catalog=http://localhost/catalog/graphql",
                "--catalog.enabled=true",
                "--catalog.data-dir=" + dataDir,
                "--audit.dir=" + dataDir.resolveSibling("audit"),
                "--catalog.page-cache=" + pageCacheMb + "MB",
                "--server.port=0",
                "--gateway.reload-interval=0",
                "--gateway.rate-limit.requests=0",
                "--gateway.rate-limit.cost=0",
                "--logging.level.root=WARN"));
        args.addAll(ConfiguredKeys.args(0, adminKey, "bench", "ADMIN", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(1, readerKey, READER, "READER", READER_TEAM, "2099-01-01"));
        this.context = SpringApplication.run(GatewayApplication.class, args.toArray(String[]::new));
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        awaitHealthy(base);
        long[] after = counts(context.getBean(GraphConnection.class));
        if (!Arrays.equals(before, after)) {
            throw new AssertionError("the gateway's start changed the graph: nodes/relationships/datasets "
                    + Arrays.toString(before) + " before, " + Arrays.toString(after) + " after");
        }
        report(
                "gateway start",
                String.format(
                        Locale.ROOT,
                        "ready (GET /health 200) in %.1f s; the graph is " + "unchanged: %,d nodes, %,d relationships",
                        (System.nanoTime() - started) / 1e9,
                        after[0],
                        after[1]));
        awaitSearchIndex(context.getBean(GraphConnection.class), started);
    }

    /**
     * Waits until the database's search index (built in the background from the start of Neo4j) is ready, so that no
     * search is timed on the full-text fallback; reports how long it took from the start.
     */
    private static void awaitSearchIndex(GraphConnection graph, long started) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = graph.driver()
                    .executableQuery("CALL meshcatalog.searchIndex() YIELD state RETURN state")
                    .execute()
                    .records()
                    .get(0)
                    .get("state")
                    .asString();
            if (state.startsWith("ready")) {
                report(
                        "search index",
                        String.format(
                                Locale.ROOT, "%s, %.1f s after the start", state, (System.nanoTime() - started) / 1e9));
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the search index is not ready after 10 minutes: " + state);
    }

    /** Generates the mesh, loads or reuses its graph and starts the gateway on it. */
    static SyntheticCatalog start() throws IOException, InterruptedException {
        int datasets = Integer.getInteger("bench.datasets", 1_000_000);
        String home = System.getProperty("bench.home");
        Path dataDir = (home == null ? Files.createTempDirectory("catalog-bench") : Path.of(home))
                .resolve("d" + datasets)
                .resolve("neo4j");
        report(
                "start",
                Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MB, load average " + loadAverage());
        long generated = System.nanoTime();
        SyntheticMesh mesh = SyntheticMesh.generate(MeshSpec.of(datasets));
        report(
                "mesh",
                String.format(
                        Locale.ROOT,
                        "%,d datasets, %,d products, %,d domains, %,d consumers, %,d fields " + "(generated in %d ms)",
                        mesh.datasets(),
                        mesh.products(),
                        mesh.domains(),
                        mesh.consumers(),
                        mesh.fields(),
                        (System.nanoTime() - generated) / 1_000_000));
        return new SyntheticCatalog(mesh, dataDir, Long.getLong("bench.pageCacheMb", 2048));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Bulk loads the mesh into {@code dataDir} unless it holds it already; the graph's counts after. */
    private static long[] load(SyntheticMesh mesh, Path dataDir, int batch, long pageCache) {
        try (GraphConnection connection =
                GraphConnection.open(new GraphSettings(null, "neo4j", "", dataDir, 0, pageCache))) {
            LineageStore store = new LineageStore(connection.driver());
            store.initSchema();
            long[] counts = counts(connection);
            if (counts[2] == mesh.datasets()) {
                report("load", "reused " + dataDir);
            } else if (counts[0] > 0) {
                throw new IllegalStateException(
                        dataDir + " holds another graph (" + counts[2] + " datasets): delete it");
            } else {
                BulkLoader.Loaded loaded = new BulkLoader(connection.driver(), batch).load(mesh);
                report(
                        "load",
                        String.format(
                                Locale.ROOT,
                                "%,d nodes + %,d relationships in %.1f s: %,.0f items/s",
                                loaded.nodes(),
                                loaded.relationships(),
                                loaded.nanos() / 1e9,
                                loaded.itemsPerSecond()));
            }
            long indexing = System.nanoTime();
            connection.driver().executableQuery("CALL db.awaitIndexes(3600)").execute();
            report(
                    "indexes",
                    String.format(Locale.ROOT, "online after %.1f s more", (System.nanoTime() - indexing) / 1e9));
            return counts(connection);
        }
    }

    private static long[] counts(GraphConnection connection) {
        var row = connection
                .driver()
                .executableQuery("CALL { MATCH (n) RETURN count(n) AS nodes } "
                        + "CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } "
                        // the mesh's datasets: OpenLineage events of earlier runs add datasets of their own, with no
                        // product
                        + "CALL { MATCH (d:Dataset) WHERE d.product IS NOT NULL RETURN count(d) AS datasets } "
                        + "RETURN nodes, relationships, datasets")
                .execute()
                .records()
                .get(0);
        return new long[] {
            row.get("nodes").asLong(),
            row.get("relationships").asLong(),
            row.get("datasets").asLong()
        };
    }

    private static void awaitHealthy(String base) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health"))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not report healthy within 60 s");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void report(String what, String figure) {
        System.out.printf(Locale.ROOT, "BENCH %-40s %s%n", what, figure);
    }
}
