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
import java.util.concurrent.TimeUnit;

/**
 * The five demo domain subgraphs, run from their jar as a child process on the given ports; ready
 * once every one answers {@code _service}. Closing stops the child (and is safe to repeat); if this
 * process dies without closing (SIGKILL, OOM killer), the child sees its standard input close and exits.
 */
public final class DemoSubgraphs implements AutoCloseable {

  /** The demo domains, in the order the supergraph lists them. */
  public static final List<String> DOMAINS = List.of("orders", "shipping", "customers", "marketing", "finance");

  /** The environment variable the subgraph kit reads its caller secret from. */
  static final String CALLER_SECRET_VARIABLE = "MESH_CALLER_SECRET";

  private final Process process;
  private final Map<String, String> urls;
  private final Path log;

  private DemoSubgraphs(Process process, Map<String, String> urls, Path log) {
    this.process = process;
    this.urls = urls;
    this.log = log;
  }

  /**
   * Starts the jar with each domain on {@code basePort + i} and waits until all answer.
   *
   * @param log where the child's output goes
   * @param callerSecret the secret the gateway signs caller assertions with, given to the child in its environment
   *     ({@code MESH_CALLER_SECRET}, never on its command line)
   */
  public static DemoSubgraphs start(Path jar, int basePort, Path log, Duration timeout, HttpClient http,
      String callerSecret) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no domain subgraphs jar at " + jar.toAbsolutePath() + ": build it with "
          + "`mvn -B -q install -DskipTests` from the repository root, or point --demo.subgraphs-jar=<file> at it");
    }
    Map<String, String> urls = new LinkedHashMap<>();
    // the child exits when its standard input, a pipe this process holds, closes: even after a SIGKILL here
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
        "--exit-with-parent"));
    for (int i = 0; i < DOMAINS.size(); i++) {
      String domain = DOMAINS.get(i);
      command.add("--" + domain + ".port=" + (basePort + i));
      urls.put(domain, "http://localhost:" + (basePort + i) + "/graphql");
    }
    Process process;
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().put(CALLER_SECRET_VARIABLE, callerSecret);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the domain subgraphs: " + e.getMessage(), e);
    }
    DemoSubgraphs subgraphs = new DemoSubgraphs(process, Map.copyOf(urls), log);
    try {
      subgraphs.awaitReady(timeout, http);
    } catch (RuntimeException e) {
      subgraphs.close();
      throw e;
    }
    return subgraphs;
  }

  /** {@code name=url,…} for {@code --subgraphs}. */
  public String subgraphsArgument() {
    StringJoiner joiner = new StringJoiner(",");
    DOMAINS.forEach(domain -> joiner.add(domain + "=" + urls.get(domain)));
    return joiner.toString();
  }

  private void awaitReady(Duration timeout, HttpClient http) {
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
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}")).build();
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
    return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java").toString();
  }

  @Override
  public void close() {
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
