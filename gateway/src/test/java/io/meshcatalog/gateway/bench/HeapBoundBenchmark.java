package io.meshcatalog.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The heaviest request each intake still accepts, and a few it refuses, sent {@code heap.concurrency} at a time for
 * {@code heap.rounds} rounds to the demo mesh started with a fixed heap ({@code -Xmx}), with the rate limits off so
 * every request is served: per kind, the answers by status, p50 and the slowest, the most heap used while they ran
 * ({@code jstat} every 100 ms: garbage included, so an upper bound) and the heap after a full GC before and after
 * ({@code jcmd}). Bounded means: every answer a 2xx or a 4xx, the peak under the fixed heap, and the heap after GC
 * back where it was. Not in {@code mvn verify}; {@code gateway/bench/run-heap-bound.sh} starts the demo and runs it.
 */
class HeapBoundBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHIPPED_ON = "of: {kind: FIELD, id: \"orders.orders.shipped_on\"}";

    /** One kind of request: its name and how to build the {@code n}th one. */
    private record Kind(String name, LongFunction<HttpRequest> request) {}

    @Test
    void heaviestRequestsStayWithinABoundedHeap() throws Exception {
        DemoTarget demo = DemoTarget.of("heap");
        long pid = demo.pid();
        int rounds = Integer.getInteger("heap.rounds", 3);
        int concurrency = Integer.getInteger("heap.concurrency", 8);
        HttpClient http = DriverHttp.client();
        List<String> report = new ArrayList<>();
        report.add("| request | body KB | sent | statuses | p50 ms | slowest ms | peak heap MB | heap after GC MB | "
                + "first error |");
        report.add("|---|---|---|---|---|---|---|---|---|");
        for (Kind kind : kinds(demo.gateway(), demo.adminKey())) {
            long before = JvmHeap.afterGc(pid);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Long> millis = new ArrayList<>();
            AtomicLong counter = new AtomicLong();
            String error = "";
            long peak;
            try (JvmHeap.Peak sampler = new JvmHeap.Peak(pid)) {
                for (int round = 0; round < rounds; round++) {
                    List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
                    for (int c = 0; c < concurrency; c++) {
                        inFlight.add(send(http, kind.request().apply(counter.getAndIncrement())));
                    }
                    for (CompletableFuture<Answer> answer : inFlight) {
                        Answer result = answer.join();
                        statuses.merge(result.status(), 1, Integer::sum);
                        millis.add(result.millis());
                        if (error.isEmpty()) {
                            error = result.error();
                        }
                    }
                }
                Thread.sleep(300);
                peak = sampler.most();
            }
            long after = JvmHeap.afterGc(pid);
            millis.sort(null);
            long bodyBytes = kind.request()
                    .apply(0)
                    .bodyPublisher()
                    .map(HttpRequest.BodyPublisher::contentLength)
                    .orElse(0L);
            String row = String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %d | %d | %s | %s → %s | %s |",
                    kind.name(),
                    bodyBytes / 1024,
                    millis.size(),
                    statuses,
                    millis.get(millis.size() / 2),
                    millis.get(millis.size() - 1),
                    mb(peak),
                    mb(before),
                    mb(after),
                    error.replace("|", "/"));
            report.add(row);
            System.out.println("HEAP " + row);
        }
        String text = String.join("\n", report);
        System.out.println(text);
        String out = System.getProperty("heap.report");
        if (out != null) {
            Files.writeString(Path.of(out), text + "\n");
        }
    }

    private static List<Kind> kinds(String gateway, String adminKey) {
        StringBuilder pages = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            pages.append(" p")
                    .append(i)
                    .append(": search(text: \"\", first: 100) { edges { node { kind id name description "
                            + "score productId domain status owner tags classifications } } totalCount }");
        }
        String impact = "{ impact(" + SHIPPED_ON + ", depth: 100) { nodes { id path } products { id } datasets { id } "
                + "fields { id } consumers { id } ownersToNotify { team members { name } affected } hidden { team count } } }";
        StringBuilder fragments = new StringBuilder("query Bomb { ...F20 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 20; i++) {
            fragments
                    .append(" fragment F")
                    .append(i)
                    .append(" on Query { ...F")
                    .append(i - 1)
                    .append(" ...F")
                    .append(i - 1)
                    .append(" }");
        }
        String tokens = "{" + " __typename".repeat(20_000) + " }";
        // the reads first, on the demo's catalog; the events last, as each adds 5,000 fields to it
        return List.of(
                new Kind("20 search pages of 100 hits (cost 4,200)", n -> graphql(gateway, adminKey, pages + " }")),
                new Kind("impact 100 deep, every list (cost 3,750)", n -> graphql(gateway, adminKey, impact)),
                new Kind(
                        "fragments spreading the next twice, 20 deep",
                        n -> graphql(gateway, adminKey, fragments.toString())),
                new Kind("20,000 fields (refused at parser-max-tokens)", n -> graphql(gateway, adminKey, tokens)),
                new Kind(
                        "3 MB body (refused at max-request-size)",
                        n -> post(
                                gateway + "/graphql",
                                adminKey,
                                "{\"query\":\"{ __typename }\",\"pad\":\"" + "x".repeat(3 << 20) + "\"}")),
                new Kind(
                        "OpenLineage event at max-fields (10,000)",
                        n -> post(gateway + "/api/v1/lineage", adminKey, eventAtLimits(n))));
    }

    /**
     * An OpenLineage event at the default max-fields: 100 inputs and 50 outputs (5,000 dataset edges), 100 schema fields
     * on each output, each fed by one input column (5,000 column sources): 10,000 fields in all, as the bound counts them.
     */
    private static String eventAtLimits(long n) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            inputs.add(Map.of("namespace", "heap", "name", "in_" + i));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (int o = 0; o < 50; o++) {
            List<Map<String, Object>> fields = new ArrayList<>();
            Map<String, Object> columns = new TreeMap<>();
            for (int f = 0; f < 100; f++) {
                fields.add(Map.of("name", "col_" + f, "type", "STRING"));
                columns.put(
                        "col_" + f,
                        Map.of(
                                "inputFields",
                                List.of(Map.of("namespace", "heap", "name", "in_" + f, "field", "col_" + o))));
            }
            outputs.add(Map.of(
                    "namespace",
                    "heap",
                    "name",
                    "out_" + n + "_" + o,
                    "facets",
                    Map.of("schema", Map.of("fields", fields), "columnLineage", Map.of("fields", columns))));
        }
        return JSON.writeValueAsString(Map.of(
                "eventType",
                "COMPLETE",
                "eventTime",
                "2026-12-05T00:00:00Z",
                "producer",
                "https://example.com/heap-bound",
                "schemaURL",
                "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                "run",
                Map.of("runId", UUID.randomUUID().toString()),
                "job",
                Map.of("namespace", "heap", "name", "job_" + n),
                "inputs",
                inputs,
                "outputs",
                outputs));
    }

    private static HttpRequest graphql(String gateway, String adminKey, String query) {
        return post(gateway + "/graphql", adminKey, JSON.writeValueAsString(Map.of("query", query)));
    }

    private static HttpRequest post(String url, String adminKey, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", adminKey)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** One answer: its status (0 when none came), the milliseconds it took, the first error's message if any. */
    private record Answer(int status, long millis, String error) {}

    private static CompletableFuture<Answer> send(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((answer, failure) -> new Answer(
                        failure != null ? 0 : answer.statusCode(),
                        (System.nanoTime() - start) / 1_000_000,
                        failure != null ? String.valueOf(failure) : firstError(answer.body())));
    }

    private static String firstError(String body) {
        try {
            tools.jackson.databind.JsonNode first = JSON.readTree(body).at("/errors/0");
            String message = first.isMissingNode()
                    ? ""
                    : first.has("message") ? first.get("message").asString("") : first.toString();
            return message.length() > 120 ? message.substring(0, 120) + "…" : message;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : Long.toString(bytes >> 20);
    }
}
