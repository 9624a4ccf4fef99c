package io.meshcatalog.graph.bench;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.embedded.Neo4jServerProcess;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.TraversalLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Impact latency of the lineage store on synthetic meshes, next to a plain in-memory BFS over the
 * same edges (the floor). For each size: start an embedded Neo4j in a temporary folder, bulk load,
 * warm up, then time {@link LineageStore#impact} from leaves and from the hub, walking inside Neo4j
 * (the embedded default) and in plain Cypher (the way to a server without the store's procedures),
 * and the BFS from the same starts. Run explicitly (see the module's BENCHMARKS.md), never as part of the build's tests.
 * <p>
 * System properties: {@code bench.sizes} (datasets, comma-separated; default 100000),
 * {@code bench.leafRuns} (200), {@code bench.hubRuns} (50), {@code bench.batch} (rows per load
 * transaction, 10000), {@code bench.pageCacheMb} (2048), {@code bench.home} (a folder to keep the graph
 * in and to reuse it from on the next run of the same size, instead of a temporary folder), {@code bench.server}
 * (true: then the same graph as a Neo4j server, a process of its own with the procedures from the plugin jar the
 * build makes, {@code target/graph-model-neo4j-plugin.jar}, reached over Bolt, timed the same way).
 */
public final class LineageBenchmark {

    /**
     * Whose answers are timed: an admin by default (nothing to hide, no statement beyond the walk);
     * {@code -Dbench.viewer=member} an authenticated viewer of no team, whose answers also ask which of the reached
     * nodes it may not see (in the synthetic mesh every product is internal, so it sees them all).
     */
    private static final Viewer VIEWER =
            "member".equals(System.getProperty("bench.viewer")) ? Viewer.of("bench", Set.of()) : Viewer.EVERYTHING;

    private static final int DEPTH = 10;

    private LineageBenchmark() {}

    /** One size's figures on one Neo4j ({@code where}: embedded, or a server process with the plugin). */
    record Result(
            String where,
            int datasets,
            BulkLoader.Loaded loaded,
            int leafReach,
            int hubReach,
            Latency storeLeaf,
            Latency storeHub,
            Latency cypherLeaf,
            Latency cypherHub,
            Latency floorLeaf,
            Latency floorHub) {}

    /** Percentiles of a series of timings, in milliseconds. */
    public record Latency(int runs, double p50, double p95, double p99, double max) {

        /** Runs {@code call} with 0 .. runs - 1 and times each. */
        public static Latency time(IntConsumer call, int runs) {
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                call.accept(i);
                nanos[i] = System.nanoTime() - t0;
            }
            return of(nanos);
        }

        public static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(
                    sorted.length,
                    ms(rank(sorted, 0.50)),
                    ms(rank(sorted, 0.95)),
                    ms(rank(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]));
        }

        /** Nearest-rank percentile. */
        private static long rank(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/meshcatalog/graph/bench/logback-bench.xml");
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100000").split(","))
                .map(String::strip)
                .mapToInt(Integer::parseInt)
                .toArray();
        int leafRuns = Integer.getInteger("bench.leafRuns", 200);
        int hubRuns = Integer.getInteger("bench.hubRuns", 50);
        int batch = Integer.getInteger("bench.batch", 10_000);
        long pageCache = Long.getLong("bench.pageCacheMb", 2048) * 1024 * 1024;
        System.out.printf(
                Locale.ROOT,
                "Lineage benchmark %s: %d cores, max heap %d MB, page cache %d MB, as %s%n",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                pageCache >> 20,
                VIEWER.everything() ? "an admin" : "an authenticated member of no team");
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            results.addAll(run(MeshSpec.of(size), leafRuns, hubRuns, batch, pageCache));
        }
        System.out.println();
        print(results);
    }

    private static List<Result> run(MeshSpec spec, int leafRuns, int hubRuns, int batch, long pageCache)
            throws IOException {
        long started = System.nanoTime();
        SyntheticMesh mesh = SyntheticMesh.generate(spec);
        InMemoryLineage floor = new InMemoryLineage(mesh);
        System.out.printf(
                Locale.ROOT,
                "%n== %,d datasets: %,d products, %,d domains, %,d fields, %,d consumers, "
                        + "%,d dataset FEEDS, %,d field FEEDS (generated in %d ms)%n",
                mesh.datasets(),
                mesh.products(),
                mesh.domains(),
                mesh.fields(),
                mesh.consumers(),
                mesh.datasetFeeds().size() + mesh.consumerFeeds().size(),
                mesh.fieldFeeds().size(),
                (System.nanoTime() - started) / 1_000_000);
        String kept = System.getProperty("bench.home");
        Path home =
                kept == null ? Files.createTempDirectory("mesh-catalog-bench-") : Path.of(kept, "d" + spec.datasets());
        List<Result> results = new ArrayList<>();
        try {
            BulkLoader.Loaded loaded;
            try (GraphConnection connection =
                    GraphConnection.open(new GraphSettings(null, "neo4j", "", home, 0, pageCache))) {
                new LineageStore(connection.driver()).initSchema();
                loaded = datasetCount(connection) == mesh.datasets()
                        ? new BulkLoader.Loaded(0, 0, 1)
                        : new BulkLoader(connection.driver(), batch).load(mesh);
                try (Session session = connection.driver().session()) {
                    session.run("CALL db.awaitIndexes(3600)").consume();
                }
                System.out.printf(
                        Locale.ROOT,
                        "loaded %,d nodes and %,d relationships in %.1f s: %,.0f items/s "
                                + "(indexes online after %.1f s)%n",
                        loaded.nodes(),
                        loaded.relationships(),
                        loaded.nanos() / 1e9,
                        loaded.itemsPerSecond(),
                        (System.nanoTime() - started) / 1e9);
                addRunHistory(connection.driver(), mesh, Integer.getInteger("bench.runsPerDataset", 0));
                results.add(time("embedded", connection.driver(), mesh, floor, loaded, leafRuns, hubRuns));
            }
            if (Boolean.getBoolean("bench.server")) {
                try (Neo4jServerProcess server =
                        Neo4jServerProcess.start(Path.of("target", "graph-model-neo4j-plugin.jar"), home, pageCache)) {
                    results.add(time(
                            "server + plugin", server.connection().driver(), mesh, floor, loaded, leafRuns, hubRuns));
                }
            }
            return results;
        } finally {
            if (kept == null) {
                delete(home);
            }
        }
    }

    /**
     * Gives each dataset downstream of the hub {@code runs} runs that read it ({@code -Dbench.runsPerDataset}), as a
     * mesh with job history has: the walk must pass over them. Once per graph: a kept graph that has them is left as it
     * is.
     */
    private static void addRunHistory(Driver driver, SyntheticMesh mesh, int runs) {
        if (runs <= 0) {
            return;
        }
        long started = System.nanoTime();
        try (Session session = driver.session()) {
            session.run("""
                            MATCH (:Dataset {id: $hub})-[:FEEDS*1..10]->(d:Dataset) WHERE NOT (d)<-[:READ]-(:Run)
                            WITH DISTINCT d
                            CALL (d) {
                              UNWIND range(1, $runs) AS i
                              CREATE (:Run {id: d.id + '/bench-run-' + i})-[:READ]->(d)
                            } IN TRANSACTIONS OF 200 ROWS""", Map.of("hub", mesh.datasetId(mesh.hub()), "runs", runs))
                    .consume();
        }
        System.out.printf(
                Locale.ROOT,
                "run history: %d runs reading each dataset downstream of the hub (added in %d ms)%n",
                runs,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Times the store on {@code driver}'s Neo4j, walking inside it and in plain Cypher, and the floor beside them. */
    private static Result time(
            String where,
            Driver driver,
            SyntheticMesh mesh,
            InMemoryLineage floor,
            BulkLoader.Loaded loaded,
            int leafRuns,
            int hubRuns) {
        LineageStore store = new LineageStore(driver);
        LineageStore cypher =
                new LineageStore(driver, TraversalLimits.DEFAULT, Clock.systemUTC(), LineageStore.Procedures.NEVER);
        store.initSchema();
        System.out.printf(Locale.ROOT, "%s: store: walks %s; cypher: walks %s%n", where, store.walks(), cypher.walks());
        int[] leaves = Arrays.copyOf(mesh.leaves(), Math.min(leafRuns, mesh.leaves().length));
        String hub = mesh.datasetId(mesh.hub());
        int hubReach = check(store, floor, hub, mesh.hub());
        int leafReach = check(store, floor, mesh.datasetId(leaves[0]), leaves[0]);
        if (!store.impact(VIEWER, NodeRef.dataset(hub), DEPTH)
                .equals(cypher.impact(VIEWER, NodeRef.dataset(hub), DEPTH))) {
            throw new IllegalStateException("the store answers differently walking in Neo4j and in Cypher");
        }

        IntConsumer storeLeaf =
                i -> store.impact(VIEWER, NodeRef.dataset(mesh.datasetId(leaves[i % leaves.length])), DEPTH);
        IntConsumer storeHub = i -> store.impact(VIEWER, NodeRef.dataset(hub), DEPTH);
        IntConsumer cypherLeaf =
                i -> cypher.impact(VIEWER, NodeRef.dataset(mesh.datasetId(leaves[i % leaves.length])), DEPTH);
        IntConsumer cypherHub = i -> cypher.impact(VIEWER, NodeRef.dataset(hub), DEPTH);
        IntConsumer floorLeaf = i -> floor.impact(leaves[i % leaves.length], DEPTH);
        IntConsumer floorHub = i -> floor.impact(mesh.hub(), DEPTH);
        IntConsumer roundTrip = i -> driver.executableQuery("RETURN 1 AS one").execute();
        // warm up: plans compiled, pages and JIT hot
        Latency.time(storeLeaf, leafRuns);
        Latency.time(storeHub, Math.max(10, hubRuns / 2));
        Latency.time(cypherLeaf, leafRuns);
        Latency.time(cypherHub, Math.max(10, hubRuns / 2));
        Latency.time(floorLeaf, leafRuns * 10);
        Latency.time(floorHub, hubRuns * 4);
        Latency.time(roundTrip, leafRuns);
        System.out.printf(Locale.ROOT, "one Bolt round trip (RETURN 1): %s%n", Latency.time(roundTrip, leafRuns));
        Result result = new Result(
                where,
                mesh.datasets(),
                loaded,
                leafReach,
                hubReach,
                Latency.time(storeLeaf, leafRuns),
                Latency.time(storeHub, hubRuns),
                Latency.time(cypherLeaf, leafRuns),
                Latency.time(cypherHub, hubRuns),
                Latency.time(floorLeaf, leafRuns),
                Latency.time(floorHub, hubRuns));
        System.out.printf(
                Locale.ROOT,
                "store leaf  %s%nstore hub   %s%ncypher leaf %s%ncypher hub  %s%n" + "floor leaf  %s%nfloor hub   %s%n",
                result.storeLeaf(),
                result.storeHub(),
                result.cypherLeaf(),
                result.cypherHub(),
                result.floorLeaf(),
                result.floorHub());
        return result;
    }

    private static long datasetCount(GraphConnection connection) {
        return connection
                .driver()
                .executableQuery("MATCH (d:Dataset) RETURN count(d) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    /** The store and the floor must agree on what is downstream before their speeds are compared. */
    private static int check(LineageStore store, InMemoryLineage floor, String id, int dataset) {
        ImpactReport impact = store.impact(VIEWER, NodeRef.dataset(id), DEPTH);
        long reached = impact.nodes().stream()
                .filter(n -> n.kind() != NodeKind.PRODUCT)
                .count();
        int expected = floor.impact(dataset, DEPTH);
        if (reached != expected || impact.truncated()) {
            throw new IllegalStateException("store reaches " + reached + " nodes downstream of " + id + " (truncated: "
                    + impact.truncated() + "), the in-memory BFS " + expected);
        }
        System.out.printf(
                Locale.ROOT,
                "impact of %s: %,d datasets/consumers/fields, %,d products, %,d teams to "
                        + "notify (store and BFS agree)%n",
                id,
                reached,
                impact.ofKind(NodeKind.PRODUCT).size(),
                impact.ownersToNotify().size());
        return expected;
    }

    private static void print(List<Result> results) {
        System.out.println("| Neo4j | datasets | load (nodes+rels/s) | start | reach | store p50 | store p95 "
                + "| store p99 | Cypher-only p50 | Cypher-only p95 | BFS p50 | BFS p95 |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            String load = String.format(
                    Locale.ROOT,
                    "%,.0f (%,d in %.0f s)",
                    r.loaded().itemsPerSecond(),
                    r.loaded().nodes() + r.loaded().relationships(),
                    r.loaded().nanos() / 1e9);
            row(r.where(), r.datasets(), load, "leaf", r.leafReach(), r.storeLeaf(), r.cypherLeaf(), r.floorLeaf());
            row(r.where(), r.datasets(), load, "hub", r.hubReach(), r.storeHub(), r.cypherHub(), r.floorHub());
        }
    }

    private static void row(
            String where,
            int datasets,
            String load,
            String start,
            int reach,
            Latency store,
            Latency cypher,
            Latency floor) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms "
                        + "| %.3f ms | %.3f ms |%n",
                where,
                datasets,
                load,
                start,
                reach,
                store.p50(),
                store.p95(),
                store.p99(),
                cypher.p50(),
                cypher.p95(),
                floor.p50(),
                floor.p95());
    }

    private static void delete(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
