package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.reliability.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar gateway.jar --demo} as a user runs it, in its own process. Its domain subgraphs child, killed
 * with SIGKILL, is started again by the gateway, which logs it. The gateway, killed with SIGKILL, cannot stop its
 * child, which must notice on its own and exit rather than keep the demo's ports.
 */
class DemoProcessIT {

    private static final Path GATEWAY_JAR = Path.of("target", "gateway.jar");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theSubgraphsChildIsRestartedWhenItDiesAndExitsWhenTheGatewayIsKilledWithSigkill() throws Exception {
        assertThat(GATEWAY_JAR)
                .as("the gateway jar, built by `package` before the integration tests")
                .isRegularFile();
        int port = GatewayProcess.freePort();
        int basePort = DemoMesh.fiveFreePortsBeside(port);
        Path log = dir.resolve("gateway.log");
        Process gateway = GatewayProcess.quickStart(new ProcessBuilder(
                                GatewayProcess.java(),
                                "-jar",
                                GATEWAY_JAR.toAbsolutePath().toString(),
                                "--demo",
                                "--demo.subgraphs-jar=" + DemoMesh.SUBGRAPHS_JAR.toAbsolutePath(),
                                "--demo.base-port=" + basePort,
                                "--server.port=" + port,
                                "--catalog.data-dir=" + dir.resolve("neo4j"),
                                "--catalog.harvest-interval=0",
                                "--gateway.reload-interval=0")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile()))
                .start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            awaitHealthy(gateway, port, log);
            child = subgraphsChild(gateway);
            assertThat(child).as("the domain subgraphs child of the gateway").isPresent();
            assertThat(answers(basePort)).isTrue();

            long killed = child.get().pid();
            child.get().destroyForcibly(); // SIGKILL, as the OOM killer would
            child.get().onExit().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!answers(basePort) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(answers(basePort))
                    .as("the orders subgraph, after its process was killed")
                    .isTrue();
            child = subgraphsChild(gateway);
            assertThat(child).isPresent().get().extracting(ProcessHandle::pid).isNotEqualTo(killed);
            assertThat(Files.readString(log))
                    .contains("The domain subgraphs process (pid " + killed + ") exited")
                    .contains("restarting it in 1000 ms (restart 1 of 5)");

            gateway.destroyForcibly(); // SIGKILL: no shutdown hook, no context close
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();

            ProcessHandle subgraphs = child.get();
            subgraphs.onExit().get(60, TimeUnit.SECONDS);
            assertThat(subgraphs.isAlive()).isFalse();
            assertThat(answers(basePort))
                    .as("the orders subgraph's port after the child exited")
                    .isFalse();
        } finally {
            gateway.destroyForcibly();
            child.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Optional<ProcessHandle> subgraphsChild(Process gateway) {
        return gateway.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("domain-subgraphs.jar"))
                .findFirst();
    }

    private void awaitHealthy(Process gateway, int port, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new AssertionError("the gateway exited with " + gateway.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the gateway was not healthy within 240 s:\n" + tail(log));
    }

    private boolean answers(int port) throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                                            .timeout(Duration.ofSeconds(2))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"query\":\"{ _service { sdl } }\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
