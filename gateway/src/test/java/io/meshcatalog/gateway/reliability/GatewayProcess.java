package io.meshcatalog.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** {@code java -jar gateway.jar} as a process of its own, for the tests that kill it or what it depends on. */
public final class GatewayProcess {

    static final Path JAR = Path.of("target", "gateway.jar");
    /** HTTP/1.1, as browsers and tools speak to the gateway. */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private GatewayProcess() {}

    /** The gateway jar's path, failing when `package` has not built it. */
    public static String jar() {
        assertThat(JAR)
                .as("the gateway jar, built by `package` before the integration tests")
                .isRegularFile();
        return JAR.toAbsolutePath().toString();
    }

    /** Waits until {@code GET /health} answers 200 (three minutes at most), failing when the process exits. */
    public static void awaitHealthy(Process gateway, int port, Path logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(gateway.isAlive())
                    .as("the gateway is running; see %s", logs)
                    .isTrue();
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the gateway was not healthy within 180 s; see " + logs);
    }

    /** SIGKILL to a gateway and its children (the demo's subgraphs), as the OOM killer would; waits until all are gone. */
    public static void killTree(Process gateway) {
        List<ProcessHandle> tree = new ArrayList<>(gateway.descendants().toList());
        tree.add(gateway.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    /** A port free now, for a process started next to bind (see {@link #freePorts}). */
    public static int freePort() {
        return freePorts(1);
    }

    /**
     * The first of {@code count} consecutive ports free now, below the kernel's ephemeral range: a port in that range
     * (what binding port 0 gives) can be taken by any outgoing connection, a Bolt or HTTP client's, between this
     * check and the process binding it.
     */
    public static int freePorts(int count) {
        int below = ephemeralLow();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(10_000, below - count);
            if (IntStream.range(base, base + count).allMatch(GatewayProcess::free)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports below " + below);
    }

    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip();
            return Math.max(11_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default low end
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code builder}'s JVM, and every JVM it starts (a demo's subgraphs), with the JIT's first tier only: a process that
     * a test starts and kills within seconds spends less on compiling, and a demo mesh is ready in 30 s instead of 45 s
     * on two cores. Not for a tool whose output a test reads: the JVM announces the setting on it.
     */
    public static ProcessBuilder quickStart(ProcessBuilder builder) {
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        return builder;
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString();
    }
}
