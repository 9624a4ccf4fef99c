package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * How long Neo4j takes to plan the catalog's statements: each named statement ({@code bench.statements},
 * comma-separated; a name may be a statement kept beside the benchmark in test resources, to compare a rewrite with
 * the statement it would replace) is planned with {@code EXPLAIN} under a new trailing comment each time, so the
 * plan cache never answers, in {@code bench.rounds} interleaved rounds (5) on a fresh embedded Neo4j with the
 * catalog's schema; the best of each is printed. Planning is what a statement's first run costs, and again whenever
 * Neo4j plans it anew. Run explicitly, never in {@code mvn verify}:
 * {@code mvn -B -pl graph-model test-compile exec:java
 * -Dexec.mainClass=io.meshcatalog.graph.lineage.PlanningBenchmark -Dbench.statements=search,product-by-id}.
 */
public final class PlanningBenchmark {

    private PlanningBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> statements = Arrays.asList(System.getProperty(
                        "bench.statements",
                        "search,browse,product-by-id,dataset-by-id,field-by-id,lifecycle,health-facts,governance-flows")
                .split(","));
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path home = Files.createTempDirectory("mesh-catalog-planning-");
        try (GraphConnection connection =
                GraphConnection.open(new GraphSettings(null, "neo4j", "", home, 0, 64L << 20))) {
            Driver driver = connection.driver();
            new LineageStore(driver, TraversalLimits.DEFAULT, Clock.systemUTC(), LineageStore.Procedures.NEVER)
                    .initSchema();
            Planner planner = new Planner(driver);
            planner.millis("RETURN 1");
            Map<String, Long> best = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String name : statements) {
                    best.merge(name, planner.millis(Cypher.named(name)), Math::min);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Planning time, best of %d interleaved rounds (EXPLAIN, plan cache "
                            + "bypassed):%n%n| statement | characters | planning |%n|---|---|---|%n",
                    rounds);
            best.forEach((name, millis) -> System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %,d ms |%n",
                    name,
                    Cypher.named(name).length(),
                    millis));
        }
    }

    /** Plans statements with EXPLAIN, each under a comment no earlier one had. */
    private static final class Planner {

        private final Driver driver;
        private int runs;

        Planner(Driver driver) {
            this.driver = driver;
        }

        long millis(String statement) {
            long started = System.nanoTime();
            try (Session session = driver.session()) {
                session.run("EXPLAIN " + statement + "\n// plan " + runs++).consume();
            }
            return (System.nanoTime() - started) / 1_000_000;
        }
    }
}
