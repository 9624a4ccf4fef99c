package io.meshcatalog.gateway.bench;

import graphql.language.Document;
import graphql.parser.Parser;
import io.meshcatalog.gateway.planning.QueryPlan;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import io.meshcatalog.graph.bench.Jmh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * What planning one parsed document costs the planner alone (no cache, no limits), measured with JMH on the golden
 * {@code entities} supergraph (three subgraphs, two entity jumps): a document written out, and the same selections
 * reached through fragments that each spread the next one twice (issue 12's shape, 2^20 leaf spreads), or through two
 * fields of one response key that each spread the next fragment (2^16). Not part of {@code mvn verify}; run with
 * <pre>
 * mvn -B -pl gateway -am test -Dtest=PlanningBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.jmh="…"} passes JMH options).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanningBenchmark {

    private static final String LEAVES = "name reviews { body author { name } }";

    private QueryPlanner planner;
    private Document flat;
    private Document doubling20;
    private Document mergedFields16;
    private Document flatNested16;

    @Setup
    public void setUp() throws IOException {
        planner = new QueryPlanner(new SupergraphParser()
                .parse(Files.readString(Path.of("src/test/resources/golden/entities/supergraph.graphql"))));
        flat = Parser.parse("{ topProducts { " + LEAVES + " } }");
        doubling20 = Parser.parse(chain(20, "...$ ...$"));
        flatNested16 = Parser.parse(
                "{ topProducts { " + "reviews { product { ".repeat(16) + LEAVES + " } }".repeat(16) + " } }");
        mergedFields16 = Parser.parse(chain(16, "reviews { product { ...$ } } reviews { product { ...$ } }"));
        // the benchmark's claims: each expanded document plans as its written-out twin
        if (!plan(doubling20).print().equals(plan(flat).print())
                || !plan(mergedFields16).print().equals(plan(flatNested16).print())) {
            throw new IllegalStateException("the documents do not plan as their written-out twins");
        }
    }

    private static String chain(int levels, String body) {
        StringBuilder document = new StringBuilder("{ topProducts { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            document.append("fragment F")
                    .append(i)
                    .append(" on Product { ")
                    .append(body.replace("$", "F" + (i + 1)))
                    .append(" }\n");
        }
        return document.append("fragment F")
                .append(levels)
                .append(" on Product { ")
                .append(LEAVES)
                .append(" }\n")
                .toString();
    }

    private QueryPlan plan(Document document) {
        return planner.plan(document, null);
    }

    @Benchmark
    public QueryPlan planFlat() {
        return plan(flat);
    }

    @Benchmark
    public QueryPlan planDoublingFragments20() {
        return plan(doubling20);
    }

    @Benchmark
    public QueryPlan planFlatNested16() {
        return plan(flatNested16);
    }

    @Benchmark
    public QueryPlan planMergedFieldsFragments16() {
        return plan(mergedFields16);
    }

    /** Runs the benchmarks in a forked JVM, as JMH does; {@code bench.jmh} adds JMH's command-line options. */
    @Test
    void run() throws RunnerException, CommandLineOptionException {
        Jmh.run(PlanningBenchmark.class);
    }
}
