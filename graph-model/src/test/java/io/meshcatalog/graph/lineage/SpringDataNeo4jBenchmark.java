package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.bench.LineageBenchmark.Latency;
import io.meshcatalog.graph.embedded.Neo4jServerProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's way to Neo4j beside Spring Data Neo4j's, on one Neo4j server process (with the plugin, reached over Bolt
 * with a password, as {@link Neo4jServerProcess} starts it), in interleaved rounds of one run, each pair running the
 * same statement and mapping its rows with the same function:
 * <ul>
 * <li>{@code product by id}: the catalog's {@code product-by-id} statement for one product of the demo mesh, as the
 * product page reads it: the driver's {@code executableQuery} routed to readers (as {@code CypherLog.read}) against
 * {@link Neo4jClient} in a read-only {@link TransactionTemplate} of the {@link Neo4jTransactionManager} (how Spring Data
 * routes a read to readers);</li>
 * <li>{@code 10,000 rows}: the size of a hub's answer at a million datasets, each mapped to a record; and the same
 * with the driver's rows mapped as they stream in, in a read transaction of a session, as Spring Data maps them;</li>
 * <li>{@code write}: a write transaction of three statements, as a harvest writes a product: a session of
 * {@code CausalSessions} with {@code executeWrite} against a {@link TransactionTemplate} with three
 * {@code Neo4jClient} calls.</li>
 * </ul>
 * Then contended writes, as two gateways' OpenLineage intakes can contend: four threads each write the same two nodes
 * in one transaction, half of them in the other order, so Neo4j detects deadlocks and fails one of the transactions
 * involved. The driver's {@code executeWrite} retries a transient failure; Spring Data's transaction manager begins
 * transactions of its own ({@code Session.beginTransaction}) and passes the failure to the caller. The table counts
 * the transactions that failed each way, and why.
 * Both sides keep bookmarks for read-your-writes on a cluster (the driver's bookmark manager; Spring Data's
 * {@link Neo4jBookmarkManager}). Spring Data logs the server's notifications of each statement at WARN (the catalog's
 * statements name relationship types a graph may not have yet); the benchmark's logging configuration silences that,
 * so that only the calls are timed. Not a test; after {@code mvn -B install -DskipTests} (the plugin jar) run
 * <pre>
 * cd graph-model && mvn -B test-compile exec:java -Dexec.mainClass=io.meshcatalog.graph.lineage.SpringDataNeo4jBenchmark
 * </pre>
 * with {@code -Dbench.rounds=} (10) rounds of {@code -Dbench.runs=} (100) calls of each way, after as many warm-up
 * calls of each, the 10,000 rows a tenth of that.
 */
public final class SpringDataNeo4jBenchmark {

    private static final int ROWS = 10_000;
    private static final int CONTENDERS = 4;
    private static final int CONTENDED_RUNS = 200;
    private static final String PRODUCT = "orders.orders";
    private static final String ROWS_STATEMENT = "MATCH (d:Dataset) WHERE d.id STARTS WITH 'bench.' "
            + "RETURN d.id AS id, d.name AS name, d.updatedAt AS updatedAt";
    private static final List<String> WRITES = List.of(
            "MERGE (p:DataProduct {id: $product}) ON CREATE SET p.placeholder = false SET p.touchedAt = $at",
            "MERGE (d:Dataset {id: $dataset}) SET d.name = $name, d.touchedAt = $at",
            "MATCH (p:DataProduct {id: $product}), (d:Dataset {id: $dataset}) MERGE (p)-[:PRODUCES]->(d)");

    private final Driver driver;
    private final Neo4jClient client;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final Map<String, Object> productParameters;
    private long writes;

    private SpringDataNeo4jBenchmark(Driver driver) {
        this.driver = driver;
        Neo4jBookmarkManager bookmarks = Neo4jBookmarkManager.create();
        client = Neo4jClient.with(driver).withNeo4jBookmarkManager(bookmarks).build();
        Neo4jTransactionManager transactions = Neo4jTransactionManager.with(driver)
                .withBookmarkManager(bookmarks)
                .build();
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readWrite = new TransactionTemplate(transactions);
        productParameters =
                ViewerParameters.of(Viewer.EVERYTHING, Instant.now()).with("id", PRODUCT);
    }

    /** What the catalog keeps of a product row. */
    record ProductRow(String id, List<String> datasets, List<String> consumers) {

        static ProductRow of(Record row) {
            return new ProductRow(
                    row.get("product").get("id").asString(),
                    row.get("datasets").asList(value -> value.asString()),
                    row.get("consumers").asList(value -> value.asString()));
        }
    }

    /** What the catalog keeps of a dataset row. */
    record DatasetRow(String id, String name, String updatedAt) {

        static DatasetRow of(Record row) {
            return new DatasetRow(
                    row.get("id").asString(),
                    row.get("name").asString(),
                    row.get("updatedAt").asString());
        }
    }

    /** One operation both ways, and how many calls of it make a turn. */
    private record Pair(String name, Supplier<Object> driver, Supplier<Object> springData, int runs) {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/meshcatalog/graph/bench/logback-bench.xml");
        }
        int rounds = Integer.getInteger("bench.rounds", 10);
        int runs = Integer.getInteger("bench.runs", 100);
        try (Neo4jServerProcess neo4j = Neo4jServerProcess.start(Path.of("target", "graph-model-neo4j-plugin.jar"))) {
            Driver driver = neo4j.connection().driver();
            LineageStore store = new LineageStore(driver);
            store.initSchema();
            Fixtures.demo().forEach(store::upsert);
            driver.executableQuery("UNWIND range(1, $rows) AS i CREATE (:Dataset {id: 'bench.' + i, "
                            + "name: 'dataset ' + i, updatedAt: '2026-12-07T06:00:00Z'})")
                    .withParameters(Map.of("rows", ROWS))
                    .execute();
            SpringDataNeo4jBenchmark bench = new SpringDataNeo4jBenchmark(driver);
            List<Pair> pairs = List.of(
                    new Pair("product by id", bench::productByIdDriver, bench::productByIdSpringData, runs),
                    new Pair("10,000 rows", bench::rowsDriver, bench::rowsSpringData, Math.max(1, runs / 10)),
                    new Pair(
                            "10,000 rows, driver streamed",
                            bench::rowsDriverStreamed,
                            bench::rowsSpringData,
                            Math.max(1, runs / 10)),
                    new Pair("write, 3 statements", bench::writeDriver, bench::writeSpringData, runs));
            for (Pair pair : pairs) {
                if (!pair.driver().get().equals(pair.springData().get())) {
                    throw new IllegalStateException(pair.name() + ": the two ways answer differently");
                }
                repeat(pair.driver(), pair.runs());
                repeat(pair.springData(), pair.runs());
            }
            Map<String, List<Long>> timings = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Pair pair : pairs) {
                    boolean driverFirst = round % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean driverTurn = driverFirst == (turn == 0);
                        timings.computeIfAbsent(
                                        pair.name() + (driverTurn ? "|driver" : "|spring"), name -> new ArrayList<>())
                                .addAll(repeat(driverTurn ? pair.driver() : pair.springData(), pair.runs()));
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%n%d interleaved rounds; per call, ms:%n%n| operation | driver p50 | "
                            + "driver p95 | Spring Data p50 | Spring Data p95 | Spring Data / driver, p50 |%n"
                            + "|---|---:|---:|---:|---:|---:|%n",
                    rounds);
            for (Pair pair : pairs) {
                Latency plain = latency(timings.get(pair.name() + "|driver"));
                Latency spring = latency(timings.get(pair.name() + "|spring"));
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        pair.name(),
                        plain.p50(),
                        plain.p95(),
                        spring.p50(),
                        spring.p95(),
                        spring.p50() / plain.p50());
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nContended writes: %d threads, %d transactions each, every one writing the "
                            + "same two nodes, half the threads in the other order:%n%n| way | failed transactions | "
                            + "transactions/s | why they failed |%n|---|---:|---:|---|%n",
                    CONTENDERS,
                    CONTENDED_RUNS);
            for (boolean driverWay : new boolean[] {true, false}) {
                long started = System.nanoTime();
                Map<String, Integer> failures = bench.contended(driverWay);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %s |%n",
                        driverWay ? "driver, executeWrite" : "Spring Data, TransactionTemplate",
                        failures.values().stream().mapToInt(n -> n).sum(),
                        CONTENDERS * CONTENDED_RUNS / seconds,
                        failures);
            }
        }
    }

    /**
     * Runs {@link #CONTENDED_RUNS} write transactions on each of {@link #CONTENDERS} threads, each writing the nodes
     * {@code hot.a} and {@code hot.b}, half of the threads in the other order, so that Neo4j finds deadlocks; answers
     * how many transactions failed, by the exception that reached the caller and Neo4j's error code.
     */
    private Map<String, Integer> contended(boolean driverWay) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CONTENDERS; t++) {
                List<String> order = t % 2 == 0 ? List.of("hot.a", "hot.b") : List.of("hot.b", "hot.a");
                done.add(threads.submit(() -> {
                    for (int i = 0; i < CONTENDED_RUNS; i++) {
                        try {
                            writeBoth(driverWay, order);
                        } catch (RuntimeException e) {
                            failures.merge(why(e), 1, Integer::sum);
                        }
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            return failures;
        } finally {
            threads.shutdown();
        }
    }

    /** The exception's class and the code of the Neo4j error behind it, if any. */
    private static String why(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j) {
                return failure.getClass().getSimpleName() + " (" + neo4j.code() + ")";
            }
        }
        return failure.getClass().getSimpleName();
    }

    private void writeBoth(boolean driverWay, List<String> order) {
        String statement = "MERGE (n:Dataset {id: $id}) SET n.touchedAt = $at";
        String at = Instant.now().toString();
        if (driverWay) {
            try (Session session = CausalSessions.open(driver)) {
                session.executeWriteWithoutResult(tx -> order.forEach(
                        id -> tx.run(statement, Map.of("id", id, "at", at)).consume()));
            }
        } else {
            readWrite.executeWithoutResult(status -> order.forEach(id ->
                    client.query(statement).bindAll(Map.of("id", id, "at", at)).run()));
        }
    }

    private static List<Long> repeat(Supplier<Object> call, int runs) {
        List<Long> nanos = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            call.get();
            nanos.add(System.nanoTime() - started);
        }
        return nanos;
    }

    private static Latency latency(List<Long> nanos) {
        return Latency.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private ProductRow productByIdDriver() {
        return ProductRow.of(driver.executableQuery(Cypher.named("product-by-id"))
                .withParameters(productParameters)
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute()
                .records()
                .get(0));
    }

    private ProductRow productByIdSpringData() {
        return readOnly.execute(status -> client.query(Cypher.named("product-by-id"))
                .bindAll(productParameters)
                .fetchAs(ProductRow.class)
                .mappedBy((types, row) -> ProductRow.of(row))
                .one()
                .orElseThrow());
    }

    private List<DatasetRow> rowsDriver() {
        return driver
                .executableQuery(ROWS_STATEMENT)
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute()
                .records()
                .stream()
                .map(DatasetRow::of)
                .toList();
    }

    /** The same rows read in a read transaction and mapped as they stream in, not gathered into records first. */
    private List<DatasetRow> rowsDriverStreamed() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(
                    tx -> tx.run(ROWS_STATEMENT).stream().map(DatasetRow::of).toList());
        }
    }

    private List<DatasetRow> rowsSpringData() {
        return readOnly.execute(status -> List.copyOf(client.query(ROWS_STATEMENT)
                .fetchAs(DatasetRow.class)
                .mappedBy((types, row) -> DatasetRow.of(row))
                .all()));
    }

    private String writeDriver() {
        Map<String, Object> parameters = writeParameters();
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx ->
                    WRITES.forEach(statement -> tx.run(statement, parameters).consume()));
        }
        return "written";
    }

    private String writeSpringData() {
        Map<String, Object> parameters = writeParameters();
        readWrite.executeWithoutResult(status -> WRITES.forEach(
                statement -> client.query(statement).bindAll(parameters).run()));
        return "written";
    }

    /** A product of its own for each write: a hundred of them, written again in turn, as harvests do. */
    private Map<String, Object> writeParameters() {
        long n = writes++ % 100;
        return Map.of(
                "product",
                "written.product" + n,
                "dataset",
                "written." + n,
                "name",
                "written " + n,
                "at",
                Instant.now().toString());
    }
}
