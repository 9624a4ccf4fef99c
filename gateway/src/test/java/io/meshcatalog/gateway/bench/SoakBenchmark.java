package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.graphiql.SavedQuery;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load and soak run of issue 12: an open-loop driver sends requests at a fixed rate for a fixed time to the demo
 * mesh (started as a user starts it), mixing the saved federated and catalog queries of {@code queries/} (each as its
 * {@code # headers:} persona) with OpenLineage intake (a new run each time). Latency is measured from when each
 * request was due, not when it went out, so a stall shows (no coordinated omission). Each minute it reports the
 * requests, p50 and p99, the answers by status, and the gateway's heap after a full GC ({@code jcmd <pid> GC.run},
 * then {@code GC.heap_info}); at the end, the events acknowledged against those the catalog serves back. Not in
 * {@code mvn verify}; {@code gateway/bench/run-soak.sh} starts the demo and runs it with
 * <pre>
 * mvn -B -q -pl gateway test -Dtest=SoakBenchmark -Dsoak.gateway=http://localhost:8080 -Dsoak.pid=… \
 *     -Dsoak.minutes=10 -Dsoak.rate=20 -Dsoak.adminKey=…
 * </pre>
 */
class SoakBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answered request: which minute it was due in, its kind, status and latency. */
    private record Sample(int minute, String kind, int status, long micros) {}

    @Test
    void fixedRateMixOverTime() throws Exception {
        DemoTarget demo = DemoTarget.of("soak");
        String gateway = demo.gateway();
        long pid = demo.pid();
        String adminKey = demo.adminKey();
        int minutes = Integer.getInteger("soak.minutes", 10);
        int rate = Integer.getInteger("soak.rate", 20);
        List<SavedQuery> saved = savedQueries(Path.of(System.getProperty("soak.queries", "../queries")));
        HttpClient http = DriverHttp.client();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        long total = (long) minutes * 60 * rate;
        List<String> report = new ArrayList<>();
        report.add("| minute | requests | p50 ms | p99 ms | statuses | heap after GC MB |");
        report.add("|---|---|---|---|---|---|");
        for (long i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long n = i;
            clock.schedule(
                    () -> send(http, gateway, adminKey, saved, n, due, start, samples, acknowledged),
                    due - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        for (int minute = 0; minute < minutes; minute++) {
            long minuteEnd = start + (minute + 1) * 60_000_000_000L;
            Thread.sleep(Math.max(0, (minuteEnd - System.nanoTime()) / 1_000_000) + 2_000);
            report.add(row(minute, samples, JvmHeap.afterGc(pid)));
            System.out.println("SOAK " + report.get(report.size() - 1));
        }
        clock.shutdown();
        clock.awaitTermination(1, TimeUnit.MINUTES);
        Thread.sleep(5_000);
        long stored = acknowledged.stream()
                .filter(dataset -> served(http, gateway, adminKey, dataset))
                .count();
        report.add("");
        report.add("| request | count | p50 ms | p99 ms | statuses |");
        report.add("|---|---|---|---|---|");
        samples.stream().map(Sample::kind).distinct().sorted().forEach(kind -> {
            List<Long> micros = samples.stream()
                    .filter(s -> s.kind().equals(kind))
                    .map(Sample::micros)
                    .sorted()
                    .toList();
            Map<Integer, Integer> statuses = new TreeMap<>();
            samples.stream()
                    .filter(s -> s.kind().equals(kind))
                    .forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
            report.add(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %s |",
                    kind,
                    micros.size(),
                    percentile(micros, 0.50) / 1000.0,
                    percentile(micros, 0.99) / 1000.0,
                    statuses));
        });
        report.add("");
        report.add("OpenLineage events acknowledged (201, new): " + acknowledged.size()
                + "; served back by dataset(id:): " + stored);
        String text = String.join("\n", report);
        System.out.println(text);
        String out = System.getProperty("soak.report");
        if (out != null) {
            Files.writeString(Path.of(out), text + "\n");
        }
    }

    private static void send(
            HttpClient http,
            String gateway,
            String adminKey,
            List<SavedQuery> saved,
            long n,
            long due,
            long start,
            ConcurrentLinkedQueue<Sample> samples,
            ConcurrentLinkedQueue<String> acknowledged) {
        int minute = (int) ((due - start) / 60_000_000_000L);
        HttpRequest.Builder request;
        String kind;
        String dataset = "soak/out_" + n;
        if (n % 5 == 4) {
            kind = "lineage";
            String event = """
          {"eventType": "COMPLETE", "eventTime": "2026-12-05T00:00:00Z", "producer": "https://example.com/soak",
           "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
           "run": {"runId": "%s"}, "job": {"namespace": "soak", "name": "job_%d"},
           "inputs": [{"namespace": "soak", "name": "in_%d"}], "outputs": [{"namespace": "soak", "name": "out_%d"}]}
          """.formatted(UUID.randomUUID(), n % 50, n % 50, n);
            request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/lineage"))
                    .header("X-Api-Key", adminKey)
                    .POST(HttpRequest.BodyPublishers.ofString(event));
        } else {
            SavedQuery query = saved.get((int) (n % saved.size()));
            kind = query.name();
            request = HttpRequest.newBuilder(URI.create(gateway + "/graphql"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query.query()))));
            query.headers().forEach(request::header);
        }
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            int status = failure != null ? 0 : answer.statusCode();
            samples.add(new Sample(minute, kind, status, (System.nanoTime() - due) / 1_000));
            if (status == 201 && answer.body().contains("\"duplicate\":false")) {
                acknowledged.add(dataset);
            }
        });
    }

    private static String row(int minute, ConcurrentLinkedQueue<Sample> samples, long heapBytes) {
        List<Long> micros = samples.stream()
                .filter(s -> s.minute() == minute)
                .map(Sample::micros)
                .sorted()
                .toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        samples.stream().filter(s -> s.minute() == minute).forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        return String.format(
                Locale.ROOT,
                "| %d | %d | %.1f | %.1f | %s | %s |",
                minute + 1,
                micros.size(),
                percentile(micros, 0.50) / 1000.0,
                percentile(micros, 0.99) / 1000.0,
                statuses,
                heapBytes < 0 ? "n/a" : Long.toString(heapBytes >> 20));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** Whether the catalog serves {@code dataset} back; asked at the admin's rate limit, waiting when told to. */
    private static boolean served(HttpClient http, String gateway, String adminKey, String dataset) {
        try {
            String query = JSON.writeValueAsString(Map.of("query", "{ dataset(id: \"" + dataset + "\") { id } }"));
            HttpResponse<String> answer;
            do {
                answer = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("X-Api-Key", adminKey)
                                .POST(HttpRequest.BodyPublishers.ofString(query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 429) {
                    Thread.sleep(1_000);
                }
            } while (answer.statusCode() == 429);
            JsonNode body = JSON.readTree(answer.body());
            return dataset.equals(body.at("/data/dataset/id").asString(""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<SavedQuery> savedQueries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<SavedQuery> queries = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file);
                // saved mutations change the demo's state: the soak reads
                if (!text.contains("mutation")) {
                    queries.add(SavedQuery.parse(file.getFileName().toString(), text));
                }
            }
            return queries;
        }
    }
}
