package io.meshcatalog.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import io.meshcatalog.graph.embedded.EmbeddedNeo4j;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway ({@code java -jar gateway.jar}, its catalog on a Neo4j server named by {@code NEO4J_URI}) while that
 * server stops and starts again: federation keeps serving the domains' fields, catalog fields fail fast with
 * SERVICE_UNAVAILABLE and {@code /health} says Neo4j is down; when Neo4j is back, the catalog answers again without
 * a restart of the gateway.
 */
class Neo4jOutageIT {

    /**
     * A domain's field beside catalog fields: every catalog field that reads the graph is nullable, so while Neo4j is
     * down each is null with its error and the domain's field is still served.
     */
    private static final String QUERY =
            "{ topReviews { body } dataProduct(id: \"shop.orders\") { id } " + "search(text: \"\") { totalCount } }";

    /**
     * The statements {@link #QUERY}'s catalog fields run. Background rounds (notifications, key refresh) also fail
     * while Neo4j is down, at their own times, so the test counts only these.
     */
    private static final Set<String> QUERY_STATEMENTS = Set.of("product-by-id", "browse", "search");

    @TempDir
    Path dir;

    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(new SecureRandom());

    private final HttpClient http = GatewayProcess.HTTP;

    @Test
    void federationServesThroughANeo4jOutageAndTheCatalogReconnectsByItself() throws Exception {
        Path data = dir.resolve("neo4j");
        int boltPort = GatewayProcess.freePort();
        int port = GatewayProcess.freePort();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data, boltPort, 64L << 20);
        try (TestSubgraph accounts = TestSubgraph.golden("provides", "accounts");
                TestSubgraph reviews = TestSubgraph.golden("provides", "reviews")) {
            List<String> command = new ArrayList<>(List.of(
                    GatewayProcess.java(),
                    "-jar",
                    GatewayProcess.jar(),
                    "--subgraphs=catalog=http://localhost/catalog/graphql,accounts=" + accounts.url() + ",reviews="
                            + reviews.url(),
                    "--catalog.enabled=true",
                    "--audit.dir=" + dir.resolve("audit"),
                    "--server.port=" + port,
                    "--catalog.harvest-interval=0",
                    "--gateway.reload-interval=0",
                    "--logging.level.root=WARN"));
            command.addAll(ConfiguredKeys.args(0, ADMIN, "ops", "ADMIN", "", "2099-01-01"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("gateway.log").toFile());
            builder.environment()
                    .putAll(Map.of(
                            "NEO4J_URI",
                            neo4j.boltUri().toString(),
                            "NEO4J_USERNAME",
                            neo4j.username(),
                            "NEO4J_PASSWORD",
                            neo4j.password()));
            Process gateway = GatewayProcess.quickStart(builder).start();
            try {
                GatewayProcess.awaitHealthy(gateway, port, dir);
                JsonNode before = graphql(port);
                assertThat(before.has("errors")).as(before.toString()).isFalse();

                neo4j.close();
                neo4j = null;
                long asked = System.nanoTime();
                JsonNode during = graphql(port);
                long tookMillis = (System.nanoTime() - asked) / 1_000_000;
                assertThat(during.at("/data/topReviews/0/body").asString())
                        .as(during.toString())
                        .isNotEmpty();
                assertThat(during.at("/data/search").isNull())
                        .as("search is null, with its error: %s", during)
                        .isTrue();
                assertThat(during.at("/errors/0/extensions/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(during.at("/errors/0/message").asString())
                        .contains("the catalog's store is unavailable")
                        .doesNotContain("bolt", "Exception");
                assertThat(tookMillis)
                        .as("the catalog fields failed within one retry window of about 3 s, not one per "
                                + "statement")
                        .isLessThan(10_000);
                Map<String, Long> failedStatements = failedCypher(port);
                assertThat(failedStatements)
                        .as("statements that found the store unreachable")
                        .isNotEmpty();
                JsonNode again = graphql(port);
                assertThat(again.at("/data/topReviews/0/body").asString())
                        .as(again.toString())
                        .isNotEmpty();
                assertThat(again.at("/errors/0/extensions/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(failedCypher(port))
                        .as("the next request fails at once: its reads are not sent to a store "
                                + "known to be down (failed statements by name)")
                        .isEqualTo(failedStatements);
                JsonNode health = GatewayCalls.tree(get(port, "/health").body());
                assertThat(health.at("/status").asString()).isEqualTo("DEGRADED");
                assertThat(health.at("/neo4j/state").asString()).isEqualTo("DOWN");
                JsonNode batch = lineageBatch(port);
                assertThat(batch.at("/outcomes/0/status").asInt())
                        .as(batch.toString())
                        .isEqualTo(503);
                assertThat(batch.at("/outcomes/0/errors/0/message").asString()).contains("nothing of it was stored");
                assertThat(batch.at("/outcomes/1/status").asInt()).isEqualTo(503);
                assertThat(batch.at("/outcomes/1/errors/0/message").asString())
                        .contains("not tried: the store failed on an earlier event of this request");
                assertThat(batch.at("/failed").asInt()).isEqualTo(2);

                neo4j = EmbeddedNeo4j.start(data, boltPort, 64L << 20);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                JsonNode after = graphql(port);
                while (after.has("errors") && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    after = graphql(port);
                }
                assertThat(after.has("errors"))
                        .as("the catalog after Neo4j came back: %s", after)
                        .isFalse();
                assertThat(GatewayCalls.tree(get(port, "/health").body())
                                .at("/neo4j/state")
                                .asString())
                        .isEqualTo("UP");
            } finally {
                gateway.destroy();
                gateway.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (neo4j != null) {
                neo4j.close();
            }
        }
    }

    private JsonNode graphql(int port) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                GatewayCalls.JSON.writeValueAsString(Map.of("query", QUERY))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return GatewayCalls.tree(answer.body());
    }

    /**
     * Two OpenLineage events in one request: the store's failure on the first is said for it, and the second is not
     * tried (one retry window, not one per event).
     */
    private JsonNode lineageBatch(int port) throws Exception {
        String event = """
        {"eventType": "COMPLETE", "eventTime": "2026-12-01T06:00:00Z", "producer": "https://example.com/etl",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "ops", "name": "load"},
         "outputs": [{"namespace": "ops", "name": "table"}]}""";
        String body = "[" + event.formatted(java.util.UUID.randomUUID()) + ","
                + event.formatted(java.util.UUID.randomUUID()) + "]";
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/lineage"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", ADMIN.key())
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return GatewayCalls.tree(answer.body());
    }

    /** {@link #QUERY_STATEMENTS} that failed so far, by statement, as {@code /metrics} counts them. */
    private Map<String, Long> failedCypher(int port) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .header("X-Api-Key", ADMIN.key())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Long> failed = new TreeMap<>();
        metrics.lines()
                .filter(line -> line.startsWith("meshcatalog_cypher_seconds_count{outcome=\"error\""))
                .forEach(line -> {
                    int name = line.indexOf("statement=\"") + "statement=\"".length();
                    String statement = line.substring(name, line.indexOf('"', name));
                    if (QUERY_STATEMENTS.contains(statement)) {
                        failed.put(statement, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                });
        return failed;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
