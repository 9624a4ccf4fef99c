package io.meshcatalog.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.gateway.reliability.GatewayProcess;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway jar with OpenTelemetry export turned on by the standard variables, exporting to an OTLP/HTTP receiver
 * this test runs: a client's {@code traceparent} is continued, carried on to every subgraph under a span of the
 * gateway's own, and the exported spans name the request, its steps and its fetches; the access log names the trace.
 */
class TracingIT {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";
    private static final Path CASE = Path.of("src/test/resources/golden/provides");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientsTraceIsContinuedToEverySubgraphAndExportedOverOtlp() throws Exception {
        List<Span> exported = new CopyOnWriteArrayList<>();
        List<String> services = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(
                    exchange.getRequestBody().readAllBytes());
            request.getResourceSpansList().forEach(resource -> {
                resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .forEach(attribute -> services.add(attribute.getValue().getStringValue()));
                resource.getScopeSpansList().forEach(scope -> exported.addAll(scope.getSpansList()));
            });
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int port = GatewayProcess.freePort();
        Path accessLog = dir.resolve("access.log");
        try (TestSubgraph accounts = TestSubgraph.golden("provides", "accounts");
                TestSubgraph reviews = TestSubgraph.golden("provides", "reviews")) {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            GatewayProcess.java(),
                            "-jar",
                            GatewayProcess.jar(),
                            "--supergraph=" + CASE.resolve("supergraph.graphql").toAbsolutePath(),
                            "--gateway.subgraph.accounts.url=" + accounts.url(),
                            "--gateway.subgraph.reviews.url=" + reviews.url(),
                            "--server.port=" + port,
                            "--audit.dir=" + dir.resolve("audit"),
                            "--gateway.access-log=" + accessLog))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("gateway.log").toFile());
            GatewayProcess.quickStart(builder);
            builder.environment()
                    .putAll(Map.of(
                            "OTEL_EXPORTER_OTLP_ENDPOINT",
                            "http://127.0.0.1:" + receiver.getAddress().getPort(),
                            "OTEL_BSP_SCHEDULE_DELAY",
                            "100",
                            "OTEL_SERVICE_NAME",
                            "gateway-under-test"));
            Process gateway = builder.start();
            try {
                GatewayProcess.awaitHealthy(gateway, port, dir);
                JsonNode answer = graphql(port, "00-" + TRACE + "-" + CLIENT_SPAN + "-01");
                assertThat(answer.at("/data/topReviews/0/author/name").asString())
                        .as(answer.toString())
                        .isNotEmpty();

                for (TestSubgraph subgraph : List.of(reviews, accounts)) {
                    String carried = subgraph.lastHeaders().getFirst("traceparent");
                    assertThat(carried)
                            .as("traceparent sent to a subgraph")
                            .startsWith("00-" + TRACE + "-")
                            .endsWith("-01");
                    assertThat(carried.split("-")[2])
                            .as("under the gateway's fetch span")
                            .isNotEqualTo(CLIENT_SPAN);
                }

                Map<String, Span> byName = awaitSpans(
                        exported,
                        List.of(
                                "POST /graphql",
                                "graphql.parse",
                                "graphql.validate",
                                "graphql.plan",
                                "fetch reviews",
                                "fetch accounts"));
                Span server = byName.get("POST /graphql");
                assertThat(hex(server.getParentSpanId()))
                        .as("the request's span continues the client's")
                        .isEqualTo(CLIENT_SPAN);
                assertThat(server.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
                for (String child : List.of(
                        "graphql.parse", "graphql.validate", "graphql.plan", "fetch reviews", "fetch accounts")) {
                    assertThat(hex(byName.get(child).getParentSpanId()))
                            .as("the parent of %s", child)
                            .isEqualTo(hex(server.getSpanId()));
                }
                assertThat(byName.get("graphql.plan").getTraceId()).isEqualTo(server.getTraceId());
                assertThat(hex(server.getTraceId())).isEqualTo(TRACE);
                assertThat(byName.get("fetch reviews").getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(services).as("OTEL_SERVICE_NAME").containsOnly("gateway-under-test");
                assertThat(reviews.lastHeaders().getFirst("traceparent"))
                        .as("what reviews received names its fetch span")
                        .isEqualTo("00-" + TRACE + "-"
                                + hex(byName.get("fetch reviews").getSpanId()) + "-01");

                JsonNode untraced = graphql(port, null);
                assertThat(untraced.has("errors")).isFalse();
                String fresh = reviews.lastHeaders().getFirst("traceparent");
                assertThat(fresh)
                        .as("a request without traceparent starts its own trace")
                        .doesNotContain(TRACE);
                List<String> lines = graphqlLines(accessLog, 2);
                assertThat(GatewayCalls.tree(lines.get(0)).at("/traceId").asString())
                        .isEqualTo(TRACE);
                assertThat(GatewayCalls.tree(lines.get(1)).at("/traceId").asString())
                        .isEqualTo(fresh.split("-")[1]);
            } finally {
                gateway.destroy();
                gateway.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            receiver.stop(0);
        }
    }

    private JsonNode graphql(int port, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ topReviews { body author { name } } }\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return GatewayCalls.tree(answer.body());
    }

    /** The last exported span of each name, once every one of {@code names} was exported (20 s at most). */
    private static Map<String, Span> awaitSpans(List<Span> exported, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Map<String, Span> byName = Map.of();
        while (System.nanoTime() < deadline && !byName.keySet().containsAll(names)) {
            Thread.sleep(100);
            byName = exported.stream().collect(Collectors.toMap(Span::getName, span -> span, (first, last) -> last));
        }
        assertThat(byName).as("spans exported").containsKeys(names.toArray(String[]::new));
        return byName;
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    /** The access log's lines for /graphql, once {@code count} are there: they land shortly after the answers. */
    private static List<String> graphqlLines(Path log, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline && lines.size() < count) {
            Thread.sleep(50);
            lines = Files.exists(log)
                    ? Files.readAllLines(log).stream()
                            .filter(line -> line.contains("\"/graphql\""))
                            .toList()
                    : List.of();
        }
        return lines;
    }
}
