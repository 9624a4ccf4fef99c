package io.meshcatalog.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.RunEvents;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar gateway.jar} with its catalog, killed with SIGKILL while eight clients send OpenLineage events,
 * then started again on the same data: every acknowledged event is served back (nothing lost), an event either
 * landed whole, its job's lineage with its output, or not at all (nothing half-written), and every acknowledged
 * event sent again is a duplicate (nothing stored twice).
 */
class IntakeKillIT {

    private static final ApiKeyFormat.NewKey ETL = ApiKeyFormat.generate(new SecureRandom());
    private static final int ACKS_BEFORE_KILL = 60;

    @TempDir
    Path dir;

    private final HttpClient http = GatewayProcess.HTTP;

    @Test
    void everyAcknowledgedEventSurvivesSigkillWholeAndOnce() throws Exception {
        int port = GatewayProcess.freePort();
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, String> sent = new ConcurrentHashMap<>();
        Process gateway = start(port, "first");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            GatewayProcess.awaitHealthy(gateway, port, dir);
            AtomicInteger next = new AtomicInteger();
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (gateway.isAlive()) {
                        int n = next.getAndIncrement();
                        String event = event(n);
                        sent.put(n, event);
                        try {
                            HttpResponse<String> answer = post(port, event);
                            if (answer.statusCode() == 201) {
                                acknowledged.put(n, event);
                            }
                        } catch (IOException e) {
                            return null; // the kill
                        }
                    }
                    return null;
                });
            }
            while (acknowledged.size() < ACKS_BEFORE_KILL && gateway.isAlive()) {
                Thread.sleep(20);
            }
            gateway.toHandle().destroyForcibly(); // SIGKILL mid-intake: no shutdown hook, no context close
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            gateway.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Process again = start(port, "second");
        try {
            GatewayProcess.awaitHealthy(again, port, dir);
            Set<Integer> landed = ConcurrentHashMap.newKeySet();
            for (int n : sent.keySet()) {
                boolean output = served(port, "kill/out_" + n);
                boolean lineage = feeds(port, "kill/in_" + n, "kill/out_" + n);
                assertThat(lineage).as("event %d landed whole or not at all", n).isEqualTo(output);
                if (output) {
                    landed.add(n);
                }
            }
            assertThat(landed).as("every acknowledged event is served back").containsAll(acknowledged.keySet());
            for (Map.Entry<Integer, String> event : acknowledged.entrySet()) {
                HttpResponse<String> resent = post(port, event.getValue());
                assertThat(resent.statusCode()).isEqualTo(201);
                assertThat(resent.body())
                        .as("event %d sent again", event.getKey())
                        .contains("\"duplicate\":true");
            }
            System.out.printf(
                    "IntakeKillIT: %d events sent, %d acknowledged, %d stored, all acknowledged sent again were "
                            + "duplicates%n",
                    sent.size(), acknowledged.size(), landed.size());
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(int port, String run) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                GatewayProcess.java(),
                "-jar",
                GatewayProcess.jar(),
                "--subgraphs=catalog=http://localhost/catalog/graphql",
                "--catalog.enabled=true",
                "--catalog.data-dir=" + dir.resolve("neo4j"),
                "--audit.dir=" + dir.resolve("audit"),
                "--server.port=" + port,
                "--catalog.harvest-interval=0",
                "--gateway.reload-interval=0",
                "--gateway.rate-limit.requests=0",
                "--gateway.rate-limit.cost=0",
                "--logging.level.root=WARN"));
        command.addAll(ConfiguredKeys.args(0, ETL, "kill-etl", "ADMIN", "", "2099-01-01"));
        return GatewayProcess.quickStart(new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(run + ".log").toFile()))
                .start();
    }

    private static String event(int n) {
        return RunEvents.complete("run " + n, "kill", "job_" + n, "in_" + n, "out_" + n);
    }

    private HttpResponse<String> post(int port, String event) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/lineage"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", ETL.key())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean served(int port, String dataset) throws Exception {
        JsonNode answer = graphql(port, "{ dataset(id: \"" + dataset + "\") { id } }");
        return dataset.equals(answer.at("/data/dataset/id").asString(""));
    }

    private boolean feeds(int port, String input, String output) throws Exception {
        JsonNode answer = graphql(
                port,
                "{ lineage(of: {kind: DATASET, id: \"" + input + "\"}, direction: DOWNSTREAM, "
                        + "depth: 1) { nodes { id } } }");
        for (JsonNode node : answer.at("/data/lineage/nodes")) {
            if (output.equals(node.at("/id").asString())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode graphql(int port, String query) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", ETL.key())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                GatewayCalls.JSON.writeValueAsString(Map.of("query", query))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return GatewayCalls.tree(answer.body());
    }
}
