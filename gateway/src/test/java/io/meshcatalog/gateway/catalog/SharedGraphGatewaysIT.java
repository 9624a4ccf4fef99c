package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.gateway.reliability.GatewayProcess;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.RunEvents;
import io.meshcatalog.graph.embedded.Neo4jServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateways, each {@code java -jar gateway.jar} in a process of its own, on one Neo4j server (a process of its own
 * with the procedures plugin, reached through {@code NEO4J_URI}), as behind a load balancer. Gateway a harvests the
 * customers subgraph every second; gateway b's schedule, every four seconds, finds the domain harvested within half
 * its interval each time and leaves it to a, so after b's first harvest the subgraph is asked for its contract only by
 * a. A change to the domain's descriptor that a harvests is served by b within b's refresh interval. Once a is killed,
 * b's schedule harvests the domain itself, and serves the next change. Before that, OpenLineage events sent through
 * both at once, on the same datasets and jobs, are each stored once, and an event sent to both at the same moment is
 * stored by one and a duplicate for the other.
 */
class SharedGraphGatewaysIT {

    private static final Path PLUGIN = Path.of("..", "graph-model", "target", "graph-model-neo4j-plugin.jar");
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(new SecureRandom());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SDL = """
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { customersSubgraphVersion: String }
      """;
    private static final String LOYALTY = "loyalty_tier";
    private static final String LANGUAGE = "preferred_language";
    private static final String FIELDS = "{ dataProduct(id: \"customers.contacts\") { datasets { fields { name } } } }";

    @TempDir
    Path dir;

    private final AtomicReference<String> descriptor = new AtomicReference<>(fixture());
    /** The gateway that asked, per contract request: each gateway sends its own configured header. */
    private final List<String> contractsAskedBy = new CopyOnWriteArrayList<>();

    @Test
    void theGatewaysTakeTurnsToHarvestAndEachServesWhatTheOtherHarvested() throws Exception {
        HttpServer subgraph = subgraph();
        List<Process> gateways = new ArrayList<>();
        try (Neo4jServerProcess neo4j = Neo4jServerProcess.start(PLUGIN)) {
            int a = GatewayProcess.freePort();
            int b = GatewayProcess.freePort();
            gateways.add(start("a", a, "1s", neo4j, subgraph));
            gateways.add(start("b", b, "4s", neo4j, subgraph));
            awaitHealthy(gateways.get(0), a, "a");
            awaitHealthy(gateways.get(1), b, "b");
            contractsAskedBy.clear(); // b's first harvest asks too, as a gateway that starts harvests every domain

            assertThat(fields(b))
                    .as("b serves the vocabulary")
                    .contains("acquisition_channel")
                    .doesNotContain(LOYALTY);
            assertThat(within(Duration.ofSeconds(15), () -> metrics(b).contains("outcome=\"skipped\"")))
                    .as(
                            "b's schedule skipped the domain a harvested within half b's interval; b's /metrics:%n%s",
                            metrics(b))
                    .isTrue();

            addField(LOYALTY);
            long changed = System.nanoTime();
            assertThat(within(Duration.ofSeconds(15), () -> fields(b).contains(LOYALTY)))
                    .as("b serves the field a harvested")
                    .isTrue();
            long served = Duration.ofNanos(System.nanoTime() - changed).toMillis();
            assertThat(contractsAskedBy)
                    .as("the gateways that asked for the contract since b started")
                    .isNotEmpty()
                    .containsOnly("a");

            theSameOpenLineageIsStoredOnceThroughEither(a, b);

            GatewayProcess.killTree(gateways.get(0));
            addField(LANGUAGE);
            long killed = System.nanoTime();
            assertThat(within(Duration.ofSeconds(30), () -> fields(b).contains(LANGUAGE)))
                    .as(
                            "b harvests once a, killed, no longer does; its log:%n%s",
                            Files.readString(dir.resolve("b.log")))
                    .isTrue();
            long tookOver = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            assertThat(contractsAskedBy).contains("b");
            System.out.printf(
                    "SharedGraphGatewaysIT: a's harvest served by b after %d ms; a killed, b harvested the next "
                            + "change and served it after %d ms%n",
                    served, tookOver);
        } finally {
            gateways.forEach(GatewayProcess::killTree);
            subgraph.stop(0);
        }
    }

    /**
     * Four clients, two for each gateway, send 120 events on one input, three outputs and six jobs; then ten events are
     * each sent to both gateways at the same moment. Every event is acknowledged; each job has its twenty runs through
     * either gateway; of each pair, one stored the event and the other answered it was a duplicate.
     */
    private void theSameOpenLineageIsStoredOnceThroughEither(int a, int b) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                answers.add(clients.submit(() -> {
                    List<String> refused = new ArrayList<>();
                    for (int n = client; n < 120; n += 4) {
                        HttpResponse<String> answer =
                                postLineage(client % 2 == 0 ? a : b, event("run " + n, n % 6, n % 3));
                        if (answer.statusCode() != 201 || answer.body().contains("\"duplicate\":true")) {
                            refused.add("event " + n + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return refused;
                }));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES))
                        .as("events not stored")
                        .isEmpty();
            }
            for (int job = 0; job < 6; job++) {
                assertThat(runs(a, job)).as("runs of job %d through a", job).isEqualTo(20);
                assertThat(runs(b, job)).as("runs of job %d through b", job).isEqualTo(20);
            }
            for (int n = 0; n < 10; n++) {
                String event = event("twice " + n, 0, 0);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> viaA = clients.submit(() -> {
                    together.await();
                    return postLineage(a, event);
                });
                Future<HttpResponse<String>> viaB = clients.submit(() -> {
                    together.await();
                    return postLineage(b, event);
                });
                List<HttpResponse<String>> both = List.of(viaA.get(1, TimeUnit.MINUTES), viaB.get(1, TimeUnit.MINUTES));
                assertThat(both)
                        .as("event %d sent to both", n)
                        .allSatisfy(answer -> assertThat(answer.statusCode())
                                .as(answer.body())
                                .isEqualTo(201));
                assertThat(both.stream()
                                .filter(answer -> answer.body().contains("\"duplicate\":true"))
                                .count())
                        .as(
                                "answers saying duplicate, of event %d sent to both: %s",
                                n, both.stream().map(HttpResponse::body).toList())
                        .isEqualTo(1);
            }
            assertThat(runs(b, 0)).as("job 0's runs, with the ten sent twice").isEqualTo(30);
        } finally {
            clients.shutdownNow();
        }
    }

    /** How many runs of {@code shared/job_<job>} the gateway on {@code port} serves (at most 50). */
    private static int runs(int port, int job) throws Exception {
        return JSON.readTree(graphql(port, "{ runs(job: \"shared/job_" + job + "\", first: 50) { id } }"))
                .at("/data/runs")
                .size();
    }

    private static String event(String run, int job, int output) {
        return RunEvents.complete(run, "shared", "job_" + job, "in", "out_" + output);
    }

    private static HttpResponse<String> postLineage(int port, String event) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/lineage"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", ADMIN.key())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy(Process gateway, int port, String name) throws Exception {
        try {
            GatewayProcess.awaitHealthy(gateway, port, dir);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "gateway " + name + " did not start; its log:\n" + Files.readString(dir.resolve(name + ".log")), e);
        }
    }

    /** Declares one more field on the contacts dataset, before country. */
    private void addField(String name) {
        descriptor.set(descriptor.get().replace("""
                  - name: country
        """, """
                  - name: %s
                    logicalType: string
                    classification: internal
                  - name: country
        """.formatted(name)));
        assertThat(descriptor.get()).contains(name);
    }

    private static boolean within(Duration time, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private Process start(String name, int port, String harvestInterval, Neo4jServerProcess neo4j, HttpServer subgraph)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                GatewayProcess.java(),
                "-jar",
                GatewayProcess.jar(),
                "--subgraphs=customers=http://127.0.0.1:"
                        + subgraph.getAddress().getPort() + "/graphql",
                "--gateway.subgraph.customers.headers.x-gateway=" + name,
                "--catalog.enabled=true",
                "--catalog.instance-id=gateway-" + name,
                "--catalog.harvest-interval=" + harvestInterval,
                "--catalog.refresh-interval=500ms",
                "--catalog.harvest-lease=5s",
                "--gateway.reload-interval=0",
                "--server.port=" + port,
                "--audit.dir=" + dir.resolve("audit-" + name)));
        command.addAll(ConfiguredKeys.args(0, ADMIN, "root", "ADMIN", "", "2099-01-01"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(neo4j.environment());
        return GatewayProcess.quickStart(builder).start();
    }

    /** The customers subgraph: its SDL, and its catalog contract with the descriptor as it is now. */
    private HttpServer subgraph() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            String query =
                    String.valueOf(JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class)
                            .get("query"));
            Object data;
            if (query.contains("catalogContract")) {
                contractsAskedBy.add(exchange.getRequestHeaders().getFirst("x-gateway"));
                data = Map.of("catalogContract", Map.of("domain", "customers", "descriptorYaml", descriptor.get()));
            } else if (query.contains("_service")) {
                data = Map.of("_service", Map.of("sdl", SDL));
            } else {
                data = Map.of("__typename", "Query");
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("data", data));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String fields(int port) throws Exception {
        return graphql(port, FIELDS);
    }

    private static String graphql(int port, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", ADMIN.key())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build());
    }

    private static String metrics(int port) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("X-Api-Key", ADMIN.key())
                .GET()
                .build());
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s: %s", request.uri(), response.body())
                .isEqualTo(200);
        return response.body();
    }

    private static String fixture() {
        try (InputStream in = SharedGraphGatewaysIT.class.getResourceAsStream("/harvest/customers.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
