package io.meshcatalog.gateway.bench;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.GatewayResponse;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.OverrideLabels;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.limits.LimitsFixture;
import io.meshcatalog.gateway.limits.OperationMeasurer;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import io.meshcatalog.graph.bench.Jmh;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * What a refused document costs the gateway, with the default limits ({@link LimitSettings#DEFAULTS}), measured with
 * JMH. {@code check*}: the limits check alone on a parsed document (measure and judge; a new measurer each time, so
 * nothing is remembered from the last call). {@code request*}: a whole {@code Gateway.execute} of a document never seen
 * before (each call's text differs by a trailing comment), from parsing to the refusal: what an attacker sending fresh
 * documents costs; {@code requestAliasesSeenBefore}: the same refused text sent again. {@code admitCached}: what the
 * check adds to an admitted document seen before. Not part of
 * {@code mvn verify} (its name ends in neither Tests nor IT); run with
 * <pre>
 * mvn -B -pl gateway -am test -Dtest=OperationLimitsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.jmh="…"} passes JMH options, e.g. {@code "-f 1 -wi 2 -i 3"}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OperationLimitsBenchmark {

    private static final String LINK =
            "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";

    /** Issue 12's shape: fragments that each spread the next one twice, 2^20 leaf spreads in under 1 KB. */
    static final String EXPONENTIAL_20 = LimitsFixture.exponentialFragments(20);
    /** The same with 2^15 leaf spreads: within the fragment depth, refused for its height. */
    static final String EXPONENTIAL_15 = LimitsFixture.exponentialFragments(15);
    /** Issue 12's other document: 1,200 aliases of one field. */
    static final String ALIASES_1200 = aliases(1_200);
    /** 40 levels of nested fields. */
    static final String DEEP_40 = "{ product(id: \"1\") { " + "related { ".repeat(39) + "id" + " }".repeat(40) + " }";
    /** Introspection lists nested four deep under {@code __schema}. */
    static final String INTROSPECTION =
            "{ __schema { types { fields { type { fields { type { interfaces { possibleTypes"
                    + " { fields { name } } } } } } } } } }";
    /** What a client asks every day: four levels, a list, a dozen fields. */
    static final String TYPICAL =
            "{ products(first: 10) { id name owner { name members } related { id name owner " + "{ name } } } }";

    private GraphQLSchema schema;
    private Gateway gateway;
    private Document exponential15;
    private Document aliases1200;
    private Document deep40;
    private Document introspection;
    private Document typical;
    private OperationMeasurer remembering;
    private long sent;

    @Setup
    public void setUp() {
        Supergraph supergraph = new SupergraphParser()
                .parse(new SupergraphComposer()
                        .compose(List.of(new SubgraphSdl("products", "http://products.invalid/graphql", LINK + """
            type Query { product(id: ID!): Product products(first: Int): [Product] }
            type Product @key(fields: "id") { id: ID! name: String related: [Product] owner: Team }
            type Team { name: String members: [String] products: [Product] }
            """))));
        schema = supergraph.apiSchema();
        gateway = new Gateway(
                supergraph,
                Map.of(),
                SubgraphSettings.DEFAULTS,
                new PlanExecutor(request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraph"))),
                new Gateway.Options(
                        OperationLimits.uniform(LimitSettings.DEFAULTS), Runnable::run, OverrideLabels.drawn()));
        exponential15 = Parser.parse(EXPONENTIAL_15);
        aliases1200 = Parser.parse(ALIASES_1200);
        deep40 = Parser.parse(DEEP_40);
        introspection = Parser.parse(INTROSPECTION);
        typical = Parser.parse(TYPICAL);
        remembering = new OperationMeasurer(schema, CostModel.NONE, LimitSettings.DEFAULTS.listSize());
        // every document is refused as intended, and the typical one is not
        for (Document refused : List.of(exponential15, aliases1200, deep40, introspection)) {
            if (check(refused).isEmpty()) {
                throw new IllegalStateException("not refused: " + graphql.language.AstPrinter.printAst(refused));
            }
        }
        if (!check(typical).isEmpty() || request(EXPONENTIAL_20).kind() != GatewayResponse.Kind.REFUSED) {
            throw new IllegalStateException("the benchmark's documents are not what it says");
        }
    }

    private List<LimitRefusal> check(Document document) {
        OperationMeasurer measurer = new OperationMeasurer(schema, CostModel.NONE, LimitSettings.DEFAULTS.listSize());
        return LimitSettings.DEFAULTS.refusals(measurer.measure(document, operation(document), Map.of()));
    }

    private static OperationDefinition operation(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).get(0);
    }

    /** The document as a new text (a comment differs), so no cache knows it. */
    private GatewayResponse request(String query) {
        return gateway.execute(
                        new GatewayRequest(query + "\n# " + sent++, null, Map.of(), RequestContext.anonymous(), false))
                .join();
    }

    @Benchmark
    public List<LimitRefusal> checkExponentialFragments() {
        return check(exponential15);
    }

    @Benchmark
    public List<LimitRefusal> checkAliases() {
        return check(aliases1200);
    }

    @Benchmark
    public List<LimitRefusal> checkDeep() {
        return check(deep40);
    }

    @Benchmark
    public List<LimitRefusal> checkIntrospection() {
        return check(introspection);
    }

    @Benchmark
    public List<LimitRefusal> checkTypical() {
        return check(typical);
    }

    @Benchmark
    public List<LimitRefusal> admitCached() {
        return LimitSettings.DEFAULTS.refusals(remembering.measure(typical, operation(typical), Map.of()));
    }

    @Benchmark
    public GatewayResponse requestExponentialFragments20() {
        return request(EXPONENTIAL_20);
    }

    @Benchmark
    public GatewayResponse requestExponentialFragments15() {
        return request(EXPONENTIAL_15);
    }

    @Benchmark
    public GatewayResponse requestAliases() {
        return request(ALIASES_1200);
    }

    @Benchmark
    public GatewayResponse requestDeep() {
        return request(DEEP_40);
    }

    /** The same refused document again and again: parsed and measured once, then answered from the caches. */
    @Benchmark
    public GatewayResponse requestAliasesSeenBefore() {
        return gateway.execute(new GatewayRequest(ALIASES_1200, null, Map.of(), RequestContext.anonymous(), false))
                .join();
    }

    private static String aliases(int count) {
        StringBuilder query = new StringBuilder("{ product(id: \"1\") {");
        for (int i = 0; i < count; i++) {
            query.append(" n").append(i).append(": name");
        }
        return query.append(" } }").toString();
    }

    /** Runs the benchmarks in a forked JVM, as JMH does; {@code bench.jmh} adds JMH's command-line options. */
    @Test
    void run() throws RunnerException, CommandLineOptionException {
        Jmh.run(OperationLimitsBenchmark.class);
    }
}
