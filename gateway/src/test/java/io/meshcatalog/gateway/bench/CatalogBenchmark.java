package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.bench.FederationReport.ProcessCpu;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.bench.LineageBenchmark.Latency;
import io.meshcatalog.graph.bench.SearchTexts;
import io.meshcatalog.graph.bench.SyntheticMesh;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.KeyedEvent;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.SearchPage;
import io.meshcatalog.graph.lineage.SearchQuery;
import io.meshcatalog.graph.lineage.TraversalLimits;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search, product and impact latency through the gateway on graph-model's synthetic mesh (1M
 * datasets by default), and OpenLineage ingestion in events per second; each call is also timed
 * directly on {@link LineageStore} in the same run, so the gateway's share is a ratio. Every answer
 * is checked (HTTP 200 or 201, no {@code errors}, a non-empty result), so errors are never timed.
 * Not part of {@code mvn verify} (its name ends in neither Tests nor IT); see gateway/BENCHMARKS.md:
 * <pre>
 * nice -n 10 mvn -B -pl gateway -am test -Dtest=CatalogBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.datasets=1000000 -Dbench.home=/tmp/catalog-bench
 * </pre>
 * System properties: those of {@link SyntheticCatalog} (the mesh's size, where its graph is kept, the page cache),
 * {@code bench.runs} (200 per call), {@code bench.hubRuns} (30), {@code bench.events} (1000 per
 * client count, and again in batches of 100 from one client), {@code bench.clients} (4),
 * {@code bench.eventWarmUp} (events sent and stored before any is timed, as many as {@code bench.events} by
 * default: the write path is JIT-compiled over thousands of events, and twenty left the single-event figures at half
 * their steady rate).
 */
class CatalogBenchmark {

    /** The store answers as the gateway does to the benchmark's admin key: seeing everything. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private static final int DEPTH = 10;
    private static final int WARM_UP = 20;
    /** Rounds of every search on the store before the first search is timed. */
    private static final int SEARCH_WARM_UP = 50;
    /** Events per request in the batched ingestion row. */
    private static final int BATCH = 500;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private String base = "";
    private String adminKey = "";
    private String readerKey = "";
    /** The key the gateway's calls are made with: the admin's, but for the rows timed as a reader. */
    private String callerKey = "";

    @Test
    void searchImpactAndIngestionOnTheSyntheticMesh() throws Exception {
        int runs = Integer.getInteger("bench.runs", 200);
        int hubRuns = Integer.getInteger("bench.hubRuns", 30);
        int events = Integer.getInteger("bench.events", 1_000);
        int clients = Integer.getInteger("bench.clients", 4);
        try (SyntheticCatalog catalog = SyntheticCatalog.start()) {
            base = catalog.base;
            adminKey = catalog.adminKey.key();
            readerKey = catalog.readerKey.key();
            callerKey = adminKey;
            SyntheticMesh mesh = catalog.mesh;
            LineageStore store = catalog.bean(LineageStore.class);
            List<CatalogRow> rows = new ArrayList<>();
            LineageStore fullText = new LineageStore(
                    catalog.bean(GraphConnection.class).driver(),
                    TraversalLimits.DEFAULT,
                    Clock.systemUTC(),
                    LineageStore.Procedures.NEVER);
            Set<String> parts = Set.of(
                    System.getProperty("bench.parts", "search,reads,ingestion").split(","));
            if (parts.contains("search")) {
                rows.addAll(searches(store, fullText, runs));
            }
            if (parts.contains("reads")) {
                rows.add(dataProduct(store, mesh, runs));
                rows.addAll(impacts(
                        store,
                        ImpactFloor.load(catalog.bean(GraphConnection.class).driver(), mesh),
                        runs,
                        hubRuns));
            }
            if (parts.contains("ingestion")) {
                rows.addAll(ingestion(store, mesh, events, clients));
            }

            System.out.println();
            System.out.println(CatalogRow.HEADER);
            rows.forEach(row -> System.out.println(row.markdown()));
            report("end", Instant.now() + ", load average " + loadAverage());
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            report(
                    "heap",
                    String.format(
                            Locale.ROOT,
                            "%,d MB used after a full GC, at most %,d MB (the gateway, its "
                                    + "embedded Neo4j and this benchmark in one JVM; page cache %,d MB outside it)",
                            (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                            runtime.maxMemory() >> 20,
                            Long.getLong("bench.pageCacheMb", 2048)));
        }
    }

    /** One search, as a GraphQL document and as the store's query, and how many hits it must have at least. */
    private record Search(
            String call,
            String answer,
            IntFunction<String> document,
            Predicate<JsonNode> valid,
            IntFunction<SearchQuery> query,
            int hits) {}

    /**
     * The searches through the gateway and on the store (its search index), and then the same on the store with
     * Neo4j's full-text index alone, as a Neo4j without the plugin answers them: capped at its first 1,000 candidates.
     */
    private List<CatalogRow> searches(LineageStore store, LineageStore fullText, int runs) {
        String hit = "totalCount totalCapped edges { cursor node { kind id name description score productId domain "
                + "status owner tags } } pageInfo { hasNextPage endCursor }";
        String facets =
                "facets { kind { value count } domain { value count } owner { value count } tag { value count } "
                        + "status { value count } classification { value count } }";
        Predicate<JsonNode> exact =
                data -> !data.path("search").path("totalCapped").asBoolean(true);
        List<Search> searches = List.of(
                new Search(
                        "search(text, first: 20)",
                        "20 hits",
                        i -> "{ search(text: \"" + SearchTexts.text(i) + "\", first: 20) { " + hit + " } }",
                        exact.and(data -> data.path("search").path("edges").size() == 20),
                        i -> SearchQuery.text(SearchTexts.text(i)).withFacets(false),
                        20),
                new Search(
                        "search + facets",
                        "20 hits, 6 facets",
                        i -> "{ search(text: \"" + SearchTexts.text(i) + "\", first: 20) { " + hit + " " + facets
                                + " } }",
                        exact.and(data -> data.path("search").path("edges").size() == 20
                                && !data.path("search")
                                        .path("facets")
                                        .path("domain")
                                        .isEmpty()),
                        i -> SearchQuery.text(SearchTexts.text(i)),
                        20),
                // filters that keep many, and few
                new Search(
                        "search, filter tag + kinds: [PRODUCT]",
                        "20 hits",
                        i -> "{ search(text: \"" + SearchTexts.text(i) + "\", filter: {tag: \""
                                + SearchTexts.tag(SearchTexts.text(i)) + "\", kinds: [PRODUCT]}, first: 20) { " + hit
                                + " "
                                + facets + " } }",
                        exact.and(data -> data.path("search").path("edges").size() == 20),
                        i -> SearchQuery.text(SearchTexts.text(i))
                                .withTag(SearchTexts.tag(SearchTexts.text(i)))
                                .withKinds(Set.of(NodeKind.PRODUCT)),
                        20),
                new Search(
                        "search \"shipping\", filter status + owner",
                        "≥ 1 hit",
                        i -> "{ search(text: \"shipping\", filter: {status: \"ACTIVE\", owner: \"team-dom" + (i % 8)
                                + "\"}, first: 20) { " + hit + " } }",
                        exact.and(data -> data.path("search").path("edges").size() >= 1),
                        i -> SearchQuery.text("shipping")
                                .withStatus("ACTIVE")
                                .withOwner("team-dom" + (i % 8))
                                .withFacets(false),
                        1));
        // the searches come first after the index was built: warm the search path up (the JIT, the collector of the
        // build's garbage) on every search before any is timed, as a running gateway would be
        for (int i = 0; i < SEARCH_WARM_UP; i++) {
            for (Search search : searches) {
                expect(store.search(ADMIN, search.query().apply(i)), search.hits());
            }
        }
        List<CatalogRow> rows = new ArrayList<>();
        for (Search search : searches) {
            rows.add(compare(
                    search.call(),
                    search.answer(),
                    runs,
                    search.document(),
                    search.valid(),
                    i -> expect(store.search(ADMIN, search.query().apply(i)), search.hits())));
        }
        for (Search search : searches) {
            IntConsumer call = i -> fullText.search(ADMIN, search.query().apply(i));
            Latency.time(call, WARM_UP);
            Latency latency = Latency.time(call, runs);
            SearchPage first = fullText.search(ADMIN, search.query().apply(0));
            report(
                    "full-text index alone",
                    String.format(
                            Locale.ROOT,
                            "%s: store p50 %.1f ms, p95 %.1f ms; total %,d%s (the search index: %,d)",
                            search.call(),
                            latency.p50(),
                            latency.p95(),
                            first.total(),
                            first.totalCapped() ? ", capped" : "",
                            store.search(ADMIN, search.query().apply(0)).total()));
        }
        return rows;
    }

    /** The tag of a search text's subject (see {@link SyntheticMesh#productTag}). */
    private static void expect(SearchPage page, int hits) {
        if (page.totalCapped()) {
            throw new AssertionError("the search index did not answer: the total is capped at " + page.total());
        }
        if (page.hits().size() < hits) {
            throw new AssertionError("the store found " + page.hits().size() + " hits, expected at least " + hits);
        }
    }

    private CatalogRow dataProduct(LineageStore store, SyntheticMesh mesh, int runs) {
        int products = mesh.products();
        return compare(
                "dataProduct(id)",
                "product, owner and members",
                runs,
                i -> "{ dataProduct(id: \"" + mesh.productId(SyntheticEvents.spread(i, products))
                        + "\") { id name status version tags "
                        + "description { purpose } owner { name members { username } } ownerInherited } }",
                data -> !data.path("dataProduct").isNull()
                        && !data.path("dataProduct").path("owner").path("name").isNull(),
                i -> store.product(ADMIN, mesh.productId(SyntheticEvents.spread(i, products)))
                        .orElseThrow());
    }

    private List<CatalogRow> impacts(LineageStore store, ImpactFloor floor, int runs, int hubRuns) {
        SyntheticMesh mesh = floor.mesh();
        // leaves that reach something (a consumer): an empty impact would time nothing but the start
        List<String> leaves = new ArrayList<>();
        for (int leaf : mesh.leaves()) {
            if (leaves.size() == runs) {
                break;
            }
            String id = mesh.datasetId(leaf);
            if (!store.impact(ADMIN, NodeRef.dataset(id), DEPTH).nodes().isEmpty()) {
                leaves.add(id);
            }
        }
        String hub = mesh.datasetId(mesh.hub());
        ImpactReport hubImpact = store.impact(ADMIN, NodeRef.dataset(hub), DEPTH);
        // the spec's reach counts datasets and consumers; fields (below 1M) come on top, and so do the
        // exports that OpenLineage events of earlier runs on a kept graph wrote from the hub's datasets
        int hubReach = (int) hubImpact.nodes().stream()
                .filter(n -> n.kind() == NodeKind.DATASET || n.kind() == NodeKind.CONSUMER)
                .count();
        if (hubReach < mesh.spec().hubReach() || hubImpact.truncated()) {
            throw new AssertionError("the hub reaches " + hubReach + " nodes (truncated " + hubImpact.truncated()
                    + "), the spec says " + mesh.spec().hubReach());
        }
        sameAnswer(floor, hub, hubImpact);
        sameAnswer(floor, leaves.get(0), store.impact(ADMIN, NodeRef.dataset(leaves.get(0)), DEPTH));
        String selection = " { depth truncated nodes { kind id name domain degree path external } "
                + "ownersToNotify { team members { username name role } affected nearestDegree } } }";
        List<CatalogRow> rows = new ArrayList<>();
        rows.add(compare(
                "impact(of: DATASET leaf, depth: 10)",
                "≥ 1 consumer",
                runs,
                i -> "{ impact(of: {kind: DATASET, id: \"" + leaves.get(i % leaves.size()) + "\"}, depth: 10)"
                        + selection,
                data -> !data.path("impact").path("nodes").isEmpty(),
                i -> store.impact(ADMIN, NodeRef.dataset(leaves.get(i % leaves.size())), DEPTH),
                i -> floor.impact(leaves.get(i % leaves.size()), DEPTH)));
        // what a tool sends: one document, the dataset a variable, so the gateway plans it once
        rows.add(compareBodies(
                "impact(of: {kind: DATASET, id: $leaf}, depth: 10), one document",
                "≥ 1 consumer",
                runs,
                i -> Map.of(
                        "query",
                        "query Leaf($leaf: ID!) { impact(of: {kind: DATASET, id: $leaf}, depth: 10)" + selection,
                        "variables",
                        Map.of("leaf", leaves.get(i % leaves.size()))),
                data -> !data.path("impact").path("nodes").isEmpty(),
                i -> store.impact(ADMIN, NodeRef.dataset(leaves.get(i % leaves.size())), DEPTH),
                i -> floor.impact(leaves.get(i % leaves.size()), DEPTH)));
        rows.add(compare(
                "impact(of: DATASET hub, depth: 10)",
                String.format(
                        Locale.ROOT,
                        "%,d nodes, %,d teams",
                        hubImpact.nodes().size(),
                        hubImpact.ownersToNotify().size()),
                hubRuns,
                i -> "{ impact(of: {kind: DATASET, id: \"" + hub + "\"}, depth: 10)" + selection,
                data -> data.path("impact").path("nodes").size()
                                == hubImpact.nodes().size()
                        && !data.path("impact").path("truncated").asBoolean(),
                i -> store.impact(ADMIN, NodeRef.dataset(hub), DEPTH),
                i -> floor.impact(hub, DEPTH)));
        // what a tool asks of a hub: the first page of its nodes and the teams to tell, not 19,000 nodes at once
        rows.add(compare(
                "impact(of: DATASET hub, depth: 10), nodePage(first: 100) + teams",
                String.format(
                        Locale.ROOT,
                        "100 of %,d nodes, %,d teams",
                        hubImpact.nodes().size(),
                        hubImpact.ownersToNotify().size()),
                hubRuns,
                i -> "{ impact(of: {kind: DATASET, id: \"" + hub + "\"}, depth: 10) { depth truncated "
                        + "nodePage(first: 100) { totalCount edges { node { kind id name domain degree path external } } "
                        + "pageInfo { hasNextPage endCursor } } ownersToNotify { team affected nearestDegree } } }",
                data -> data.path("impact").path("nodePage").path("edges").size() == 100
                        && data.path("impact")
                                        .path("nodePage")
                                        .path("totalCount")
                                        .asInt()
                                == hubImpact.nodes().size(),
                i -> store.impact(ADMIN, NodeRef.dataset(hub), DEPTH)));
        // what most callers are: a reader, for whom the answer's every node goes through the visibility rules
        Viewer reader = Viewer.of(SyntheticCatalog.READER, Set.of(SyntheticCatalog.READER_TEAM));
        ImpactReport readersHub = store.impact(reader, NodeRef.dataset(hub), DEPTH);
        callerKey = readerKey;
        rows.add(compare(
                "impact(of: DATASET hub, depth: 10) as a reader",
                String.format(
                        Locale.ROOT,
                        "%,d nodes, %,d teams",
                        readersHub.nodes().size(),
                        readersHub.ownersToNotify().size()),
                hubRuns,
                i -> "{ impact(of: {kind: DATASET, id: \"" + hub + "\"}, depth: 10)" + selection,
                data -> data.path("impact").path("nodes").size()
                        == readersHub.nodes().size(),
                i -> store.impact(reader, NodeRef.dataset(hub), DEPTH)));
        callerKey = adminKey;
        int edges =
                store.impact(ADMIN, NodeRef.dataset(hub), DEPTH, true).edges().size();
        rows.add(compare(
                "impact(of: DATASET hub, depth: 10) with edges",
                String.format(
                        Locale.ROOT, "%,d nodes, %,d edges", hubImpact.nodes().size(), edges),
                hubRuns,
                i -> "{ impact(of: {kind: DATASET, id: \"" + hub + "\"}, depth: 10)"
                        + selection.replace("} } }", "} edges { from { kind id } to { kind id } kind } } }"),
                data -> data.path("impact").path("edges").size() == edges,
                i -> store.impact(ADMIN, NodeRef.dataset(hub), DEPTH, true)));
        return rows;
    }

    /** Ingestion: sequential, then {@code clients} at once; the store alone sequentially, same events. */
    private List<CatalogRow> ingestion(LineageStore store, SyntheticMesh mesh, int events, int clients)
            throws Exception {
        OpenLineageReader reader = new OpenLineageReader();
        AtomicInteger sequence = new AtomicInteger();
        IntFunction<String> event = i -> SyntheticEvents.runEvent(mesh, sequence.incrementAndGet());
        List<CatalogRow> rows = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.eventWarmUp", Math.max(WARM_UP, events)); i++) {
            post(event.apply(i));
            store.record(Viewer.EVERYTHING, reader.read(event.apply(i)));
        }
        ProcessCpu process = new ProcessCpu("benchmark", ProcessHandle.current().pid());
        long storeStarted = System.nanoTime();
        long storeTicks = process.ticks();
        Latency storeAlone = Latency.time(i -> store.record(Viewer.EVERYTHING, reader.read(event.apply(i))), events);
        double storeRate = events / ((System.nanoTime() - storeStarted) / 1e9);
        double storeCpu = cpuMillis(process, storeTicks, events);
        for (int n : new int[] {1, clients}) {
            rows.add(clients(n, events, event, process, "", new StoreAlone(storeAlone, storeRate, storeCpu)));
        }
        IntFunction<String> scheduled = i -> SyntheticEvents.scheduledRunEvent(mesh, i);
        for (int i = 0; i < 1_000; i++) {
            post(scheduled.apply(i));
        }
        rows.add(clients(clients, events, scheduled, process, ", scheduled jobs", null));
        // requests of BATCH events, one client, at least ten of them: the latency is per request
        IntFunction<String> batchOf = b -> {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(event.apply(i));
            }
            return "[" + String.join(",", batch) + "]";
        };
        IntFunction<List<KeyedEvent>> storeBatchOf = b -> IntStream.range(0, BATCH)
                .mapToObj(i -> KeyedEvent.of(reader.read(event.apply(i))))
                .toList();
        for (int i = 0; i < 2; i++) {
            postBatch(batchOf.apply(i), BATCH);
            store.record(Viewer.EVERYTHING, storeBatchOf.apply(i));
        }
        int requests = Math.max(10, events / BATCH);
        long batchStoreStarted = System.nanoTime();
        long batchStoreTicks = process.ticks();
        Latency storeBatches = Latency.time(b -> store.record(Viewer.EVERYTHING, storeBatchOf.apply(b)), requests);
        double storeBatchRate = requests * BATCH / ((System.nanoTime() - batchStoreStarted) / 1e9);
        double storeBatchCpu = cpuMillis(process, batchStoreTicks, requests * BATCH);
        long[] nanos = new long[requests];
        long started = System.nanoTime();
        long ticks = process.ticks();
        for (int b = 0; b < nanos.length; b++) {
            String body = batchOf.apply(b);
            long t0 = System.nanoTime();
            postBatch(body, BATCH);
            nanos[b] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuMillis(process, ticks, requests * BATCH);
        rows.add(new CatalogRow(
                String.format(Locale.ROOT, "POST /api/v1/lineage, batches of %d, 1 client", BATCH),
                String.format(
                        Locale.ROOT,
                        "200, each event 201; **%,.0f events/s**, CPU %.2f ms per event (store alone, 1 thread: "
                                + "%,.0f/s, %.2f ms)",
                        nanos.length * BATCH / seconds,
                        cpu,
                        storeBatchRate,
                        storeBatchCpu),
                Latency.of(nanos),
                storeBatches));
        report("openlineage batches", rows.get(rows.size() - 1).answer());
        return rows;
    }

    /** The store writing the same events alone, on one thread: its latencies, events per second and CPU per event. */
    private record StoreAlone(Latency latency, double rate, double cpuMillis) {}

    /**
     * {@code events} sent by {@code n} clients at once, each event its own request; with the store alone's figures
     * beside them when there are some.
     */
    private CatalogRow clients(
            int n, int events, IntFunction<String> event, ProcessCpu process, String mix, @Nullable StoreAlone store)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        long[] nanos = new long[events];
        long started = System.nanoTime();
        long ticks = process.ticks();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int at = i;
            String body = event.apply(i);
            sent.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                post(body);
                nanos[at] = System.nanoTime() - t0;
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuMillis(process, ticks, events);
        pool.shutdown();
        String call = String.format(Locale.ROOT, "POST /api/v1/lineage, %d client%s%s", n, n == 1 ? "" : "s", mix);
        String answer =
                String.format(Locale.ROOT, "201; **%,.0f events/s**, CPU %.2f ms per event", events / seconds, cpu)
                        + (store == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (store alone, 1 thread: %,.0f/s, %.2f ms)",
                                        store.rate(),
                                        store.cpuMillis()));
        CatalogRow row = new CatalogRow(call, answer, Latency.of(nanos), store == null ? null : store.latency());
        report("openlineage x" + n + mix, row.answer());
        return row;
    }

    /**
     * The CPU time this JVM (the gateway, its embedded Neo4j and the benchmark's clients) spent per event since {@code
     * ticks}, in milliseconds: what the writes and what they set off (the search index's and owner cache's upkeep) cost
     * the machine, beside how fast they go.
     */
    private static double cpuMillis(ProcessCpu process, long ticks, int events) {
        return (process.ticks() - ticks) * 10.0 / events;
    }

    /**
     * Warms both up, then times the store first and the gateway second, each on the same
     * sequence of arguments; the gateway's answers are checked every time.
     */
    private CatalogRow compare(
            String call,
            String answer,
            int runs,
            IntFunction<String> query,
            Predicate<JsonNode> valid,
            IntConsumer direct) {
        return compare(call, answer, runs, query, valid, direct, null);
    }

    /** The floor's answer is the store's: as many nodes and teams to notify. */
    private static void sameAnswer(ImpactFloor floor, String dataset, ImpactReport impact) {
        ImpactFloor.Reached reached = floor.impact(dataset, DEPTH);
        if (reached.nodes() != impact.nodes().size()
                || reached.teams() != impact.ownersToNotify().size()) {
            throw new AssertionError("the floor's impact of " + dataset + " is " + reached + ", the store's "
                    + impact.nodes().size() + " nodes and "
                    + impact.ownersToNotify().size() + " teams");
        }
    }

    /** As above, and the floor timed beside them when there is one. */
    private CatalogRow compare(
            String call,
            String answer,
            int runs,
            IntFunction<String> query,
            Predicate<JsonNode> valid,
            IntConsumer direct,
            @Nullable IntConsumer floor) {
        return compareBodies(call, answer, runs, i -> Map.of("query", query.apply(i)), valid, direct, floor);
    }

    /** As above, each call's body (a query and its variables) made by {@code body}. */
    private CatalogRow compareBodies(
            String call,
            String answer,
            int runs,
            IntFunction<Map<String, Object>> body,
            Predicate<JsonNode> valid,
            IntConsumer direct,
            @Nullable IntConsumer floor) {
        IntConsumer gateway = i -> {
            JsonNode data = graphql(body.apply(i));
            if (!valid.test(data)) {
                throw new AssertionError(call + ": unexpected answer "
                        + data.toString()
                                .substring(0, Math.min(500, data.toString().length())));
            }
        };
        Latency.time(gateway, WARM_UP);
        Latency.time(direct, WARM_UP);
        Latency store = Latency.time(direct, runs);
        Latency through = Latency.time(gateway, runs);
        Latency floored = null;
        if (floor != null) {
            Latency.time(floor, WARM_UP);
            floored = Latency.time(floor, runs);
        }
        CatalogRow row = new CatalogRow(call, answer, through, store, floored);
        report(call, row.markdown());
        return row;
    }

    private JsonNode graphql(Map<String, Object> request) {
        String body = json.writeValueAsString(request);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", callerKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        JsonNode tree = json.readTree(response.body());
        if (response.statusCode() != 200 || tree.has("errors") || !tree.has("data")) {
            throw new AssertionError("query failed with HTTP " + response.statusCode() + ": " + response.body());
        }
        return tree.get("data");
    }

    private void post(String event) {
        HttpResponse<String> response = postLineage(event);
        if (response.statusCode() != 201 || !response.body().contains("\"matchedCatalogDatasets\"")) {
            throw new AssertionError(
                    "an event was refused with HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** Posts a batch of events and checks that every one was stored. */
    private void postBatch(String events, int count) {
        HttpResponse<String> response = postLineage(events);
        if (response.statusCode() != 200
                || json.readTree(response.body()).path("stored").asInt() != count) {
            throw new AssertionError("a batch was not stored whole, HTTP " + response.statusCode() + ": "
                    + response.body()
                            .substring(0, Math.min(2_000, response.body().length())));
        }
    }

    /** {@code POST /api/v1/lineage} as the benchmark's admin. */
    private HttpResponse<String> postLineage(String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/lineage"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        return SyntheticCatalog.loadAverage();
    }

    private static void report(String what, String figure) {
        SyntheticCatalog.report(what, figure);
    }
}
