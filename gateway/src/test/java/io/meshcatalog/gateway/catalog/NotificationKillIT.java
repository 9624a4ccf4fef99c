package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.gateway.reliability.GatewayProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification outbox across a SIGKILL: {@code java -jar gateway.jar --demo} tells finance of a failed run of the
 * delay predictor through a webhook that answers 503, so the notification waits for its next attempt; the gateway
 * is killed with SIGKILL, the webhook recovers, and the gateway started again on the same data delivers it: once,
 * with the same {@code Idempotency-Key} on every attempt.
 */
class NotificationKillIT {

    private record Attempt(int status, String key, String body) {}

    @TempDir
    Path dir;

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(503);
    private HttpServer webhook;

    @AfterEach
    void stopWebhook() {
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void aNotificationPendingWhenTheGatewayIsKilledIsDeliveredOnceAfterItStartsAgain() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/finance", exchange -> {
            int status = answer.get();
            attempts.add(new Attempt(
                    status,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        Path data = dir.resolve("neo4j");
        int port = GatewayProcess.freePort();

        Process first = start(data, port, "first");
        try {
            GatewayProcess.awaitHealthy(first, port, dir);
            HttpResponse<String> stored =
                    post(port, Files.readString(Path.of("..", "docs", "openlineage", "delay-predictions-failed.json")));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            await(() -> !attempts.isEmpty(), "the first attempt");
        } finally {
            GatewayProcess.killTree(first);
        }
        assertThat(attempts)
                .as("attempts before the kill")
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
        int refused = attempts.size();

        answer.set(204);
        Process again = start(data, port, "again");
        try {
            GatewayProcess.awaitHealthy(again, port, dir);
            await(() -> attempts.stream().anyMatch(a -> a.status() == 204), "the delivery after the restart");
            Thread.sleep(3_000); // ten more rounds: nothing is sent again
        } finally {
            GatewayProcess.killTree(again);
        }
        assertThat(attempts).as("every attempt").hasSize(refused + 1);
        assertThat(attempts)
                .extracting(Attempt::key)
                .as("one notification, one key")
                .containsOnly(attempts.get(0).key())
                .doesNotContainNull();
        assertThat(attempts.get(refused).body())
                .contains(
                        "\"kind\":\"FAILING\"",
                        "\"team\":\"finance-team\"",
                        "\"subject\":\"shipping.delay_predictions\"");
    }

    private Process start(Path data, int port, String run) throws IOException {
        return GatewayProcess.quickStart(new ProcessBuilder(
                                GatewayProcess.java(),
                                "-jar",
                                GatewayProcess.jar(),
                                "--demo",
                                "--demo.subgraphs-jar=" + DemoMesh.SUBGRAPHS_JAR.toAbsolutePath(),
                                "--demo.base-port=" + DemoMesh.fiveFreePortsBeside(port),
                                "--server.port=" + port,
                                "--catalog.data-dir=" + data,
                                "--audit.dir=" + dir.resolve("audit-" + run),
                                "--catalog.harvest-interval=0",
                                "--gateway.reload-interval=0",
                                "--catalog.notifications.interval=300ms",
                                "--catalog.notifications.backoff=1s",
                                "--catalog.notifications.webhooks[0].team=finance-team",
                                "--catalog.notifications.webhooks[0].url=http://127.0.0.1:"
                                        + webhook.getAddress().getPort() + "/finance")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(run + ".log").toFile()))
                .start();
    }

    private static HttpResponse<String> post(int port, String event) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/lineage"))
                                .header("X-Api-Key", DemoMesh.ADMIN_KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
