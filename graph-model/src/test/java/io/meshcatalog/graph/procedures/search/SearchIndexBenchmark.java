package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.bench.Jmh;
import io.meshcatalog.graph.bench.MeshSpec;
import io.meshcatalog.graph.bench.SearchTexts;
import io.meshcatalog.graph.bench.SyntheticMesh;
import io.meshcatalog.graph.health.HealthSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * What one search of the search index costs it alone (no Neo4j, no Cypher), measured with JMH over the documents of the
 * benchmark's synthetic mesh ({@link SyntheticMesh}: at 1M datasets, 1,000,000 datasets, 250,000 products and 50,000
 * consumers, with the texts, tags, teams and domains the bulk loader writes), as an admin sees them. The searches are
 * {@code CatalogBenchmark}'s: a broad one of two words (about 94,000 matches at 1M) with and without facets, the same
 * narrowed to products of a tag, one word narrowed to a status and an owner, the broad one narrowed to a health, and a
 * listing without words. Not part of {@code mvn verify}; run with
 * <pre>
 * mvn -B -pl graph-model -am test -Dtest=SearchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.jmh="…"} passes JMH options, such as {@code -p datasets=100000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 4, time = 5)
public class SearchIndexBenchmark {

    private static final Set<String> ALL_KINDS = Set.of("PRODUCT", "DATASET", "FIELD", "CONSUMER");
    private static final int FACET_VALUES = 50;
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Param("1000000")
    public int datasets;

    private SearchIndex index;
    private SyntheticMesh mesh;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        mesh = SyntheticMesh.generate(MeshSpec.of(datasets));
        index = new SearchIndex();
        for (int p = 0; p < mesh.products(); p++) {
            index.put(product(p));
        }
        for (int d = 0; d < mesh.datasets(); d++) {
            index.put(dataset(d));
        }
        for (int c = 0; c < mesh.consumers(); c++) {
            index.put(consumer(c));
        }
        index.refresh();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
    }

    @Benchmark
    public SearchAnswer broad() throws IOException, ParseException {
        return index.search(request(text(), null, null, null, null, ALL_KINDS), 0);
    }

    @Benchmark
    public SearchAnswer broadWithFacets() throws IOException, ParseException {
        return index.search(request(text(), null, null, null, null, ALL_KINDS), FACET_VALUES);
    }

    @Benchmark
    public SearchAnswer tagAndKind() throws IOException, ParseException {
        String text = text();
        return index.search(request(text, SearchTexts.tag(text), null, null, null, Set.of("PRODUCT")), FACET_VALUES);
    }

    @Benchmark
    public SearchAnswer statusAndOwner() throws IOException, ParseException {
        return index.search(request("shipping", null, "ACTIVE", "team-dom" + (next++ % 8), null, ALL_KINDS), 0);
    }

    @Benchmark
    public SearchAnswer broadLate() throws IOException, ParseException {
        return index.search(request(text(), null, null, null, "LATE", ALL_KINDS), FACET_VALUES);
    }

    @Benchmark
    public SearchAnswer listing() throws IOException, ParseException {
        return index.search(request("", null, null, null, null, ALL_KINDS), FACET_VALUES);
    }

    private String text() {
        return SearchTexts.text(next++);
    }

    private static SearchRequest request(
            String text, String tag, String status, String owner, String health, Set<String> kinds) {
        return new SearchRequest(text, kinds, null, owner, tag, null, status, health, null, NOW, 0, 20);
    }

    private SearchDocument product(int p) {
        String id = mesh.productId(p);
        return ofProduct(
                p,
                "PRODUCT",
                id,
                Map.of(
                        "name", List.of(mesh.productName(p)),
                        "purpose", List.of(mesh.productPurpose(p)),
                        "keywords", List.of(id + " " + id.replace('.', ' ') + " " + mesh.productTag(p))),
                p,
                health(p * 4L));
    }

    private SearchDocument dataset(int d) {
        return ofProduct(
                mesh.products() + (long) d,
                "DATASET",
                mesh.datasetId(d),
                Map.of("name", List.of("ds" + d), "description", List.of(mesh.datasetDescription(d))),
                mesh.productOf(d),
                health(d));
    }

    /** A document of product {@code p} or of one of its datasets: its domain, team and tag, active, internal. */
    private SearchDocument ofProduct(
            long node, String kind, String id, Map<String, List<String>> texts, int p, HealthSummary health) {
        String owner = mesh.hasOwnTeam(p) ? mesh.productTeam(p) : mesh.domainTeam(mesh.domainOf(p));
        return new SearchDocument(
                node,
                kind,
                id,
                texts,
                false,
                mesh.domainId(mesh.domainOf(p)),
                "ACTIVE",
                owner,
                Set.of(mesh.productTag(p)),
                Set.of(),
                health,
                Set.of(Visibility.AUTHENTICATED));
    }

    private SearchDocument consumer(int c) {
        return new SearchDocument(
                (long) mesh.products() + mesh.datasets() + c,
                "CONSUMER",
                mesh.consumerId(c),
                Map.of("name", List.of(mesh.consumerId(c))),
                false,
                "",
                "",
                mesh.domainTeam(mesh.consumerOwnerDomain(c)),
                Set.of(),
                Set.of(),
                new HealthSummary(false, null),
                Set.of(Visibility.AUTHENTICATED));
    }

    /** One in 50 failed its latest run; one in 10 has an SLA, a third of them past due at {@link #NOW}. */
    private static HealthSummary health(long n) {
        Instant due = n % 10 == 0 ? NOW.plus(Duration.ofHours(n % 3 - 1)) : null;
        return new HealthSummary(n % 50 == 0, due);
    }

    /** Runs the benchmarks in a forked JVM, as JMH does; {@code bench.jmh} adds JMH's command-line options. */
    @Test
    void run() throws RunnerException, CommandLineOptionException {
        Jmh.run(SearchIndexBenchmark.class);
    }
}
