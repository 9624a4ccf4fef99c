package io.meshcatalog.gateway.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The five demo domain subgraphs, run from their jar as a child process on the given ports; ready
 * once every one answers {@code _service}. Supervised: a child that dies (a crash, the OOM killer, a kill -9) is
 * started again, logged, after a backoff (1 s, doubling to 30 s), at most {@link #MAX_RESTARTS} times; meanwhile
 * the gateway's circuit breakers answer the domains' parts with errors. Closing stops the child (and is safe to
 * repeat); if this process dies without closing (SIGKILL, OOM killer), the child sees its standard input close and
 * exits.
 */
public final class DemoSubgraphs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSubgraphs.class);

    /** The demo domains, in the order the supergraph lists them. */
    public static final List<String> DOMAINS = List.of("orders", "shipping", "customers", "marketing", "finance");

    /** The team each demo domain's descriptor names. */
    static final Map<String, String> TEAMS = Map.of(
            "orders",
            "orders-team",
            "shipping",
            "shipping-team",
            "customers",
            "crm-team",
            "marketing",
            "growth-team",
            "finance",
            "finance-team");

    /** Restarts before the supervisor gives up on a child that keeps dying. */
    static final int MAX_RESTARTS = 5;

    private final ProcessBuilder builder;
    private final Map<String, String> urls;
    private final Path log;
    private volatile Process process;
    private volatile boolean closed;
    private final AtomicBoolean supervised = new AtomicBoolean();
    private int restarts;

    private DemoSubgraphs(ProcessBuilder builder, Process process, Map<String, String> urls, Path log) {
        this.builder = builder;
        this.process = process;
        this.urls = urls;
        this.log = log;
    }

    /**
     * Starts the jar with each domain on {@code basePort + i}; {@link #awaitReady} waits until all answer, so that the
     * gateway can start meanwhile.
     *
     * @param log where the child's output goes
     * @param environment more environment variables for the child (the caller assertion's secret)
     */
    public static DemoSubgraphs start(Path jar, int basePort, Path log, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no domain subgraphs jar at " + jar.toAbsolutePath() + ": build it with "
                            + "`mvn -B -q install -DskipTests` from the repository root, or point --demo.subgraphs-jar=<file> at it");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        // the child exits when its standard input, a pipe this process holds, closes: even after a SIGKILL here
        List<String> command = new ArrayList<>(
                List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString(), "--exit-with-parent"));
        for (int i = 0; i < DOMAINS.size(); i++) {
            String domain = DOMAINS.get(i);
            command.add("--" + domain + ".port=" + (basePort + i));
            // the subgraphs listen on the loopback address only (IPv4), which "localhost" may not resolve to first
            urls.put(domain, "http://127.0.0.1:" + (basePort + i) + "/graphql");
        }
        Process process;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(log);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the domain subgraphs: " + e.getMessage(), e);
        }
        return new DemoSubgraphs(builder, process, Map.copyOf(urls), log);
    }

    /**
     * Waits until every domain answers {@code _service}, then supervises the child (a child that dies before is
     * reported, not restarted). Returns at once when they answered already.
     *
     * @throws IllegalStateException when the child exits first or {@code timeout} passes; the child is stopped then
     */
    public void awaitReady(Duration timeout, HttpClient http) {
        if (supervised.get()) {
            return;
        }
        try {
            poll(timeout, http);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (supervised.compareAndSet(false, true)) {
            supervise(process);
        }
    }

    private void supervise(Process child) {
        child.onExit().thenRun(() -> {
            if (closed) {
                return;
            }
            int restart;
            synchronized (this) {
                restart = ++restarts;
            }
            if (restart > MAX_RESTARTS) {
                LOG.error(
                        "The domain subgraphs process (pid {}) exited with code {}; it was restarted {} times already, so it "
                                + "stays down: see {}",
                        child.pid(),
                        child.exitValue(),
                        MAX_RESTARTS,
                        log.toAbsolutePath());
                return;
            }
            long backoff = Math.min(30_000L, 1_000L << (restart - 1));
            LOG.warn(
                    "The domain subgraphs process (pid {}) exited with code {}; restarting it in {} ms (restart {} of {})",
                    child.pid(),
                    child.exitValue(),
                    backoff,
                    restart,
                    MAX_RESTARTS);
            CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS).execute(this::restart);
        });
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        try {
            Process next = builder.start();
            process = next;
            LOG.info("Restarted the domain subgraphs: pid {}", next.pid());
            supervise(next);
        } catch (IOException e) {
            LOG.error("Cannot restart the domain subgraphs: {}", e.getMessage());
        }
    }

    /** {@code name=url,…} for {@code --subgraphs}. */
    /**
     * Each demo team's webhook, the {@code /notifications} inbox of its domain's subgraph, as
     * {@code catalog.notifications.webhooks[i]} properties (the teams are those the domains' descriptors name).
     */
    public Map<String, String> webhookProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < DOMAINS.size(); i++) {
            String domain = DOMAINS.get(i);
            String prefix = "catalog.notifications.webhooks[" + i + "].";
            properties.put(prefix + "team", TEAMS.get(domain));
            properties.put(prefix + "url", urls.get(domain).replace("/graphql", "/notifications"));
            properties.put(prefix + "format", "JSON");
        }
        return properties;
    }

    public String subgraphsArgument() {
        StringJoiner joiner = new StringJoiner(",");
        DOMAINS.forEach(domain -> joiner.add(domain + "=" + urls.get(domain)));
        return joiner.toString();
    }

    private void poll(Duration timeout, HttpClient http) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> waiting = new ArrayList<>(DOMAINS);
        while (!waiting.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the domain subgraphs stopped with exit code " + process.exitValue()
                        + " before answering; the end of " + log.toAbsolutePath() + ":\n" + tail(log, 15));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the domain subgraphs " + waiting + " did not answer within "
                        + timeout.toSeconds() + " s; see " + log.toAbsolutePath());
            }
            waiting.removeIf(domain -> answers(http, urls.get(domain)));
            if (!waiting.isEmpty()) {
                sleep();
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }

    private static boolean answers(HttpClient http, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}"))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the domain subgraphs", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the domain subgraphs", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString();
    }

    @Override
    public void close() {
        Process process;
        synchronized (this) {
            closed = true;
            process = this.process;
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
