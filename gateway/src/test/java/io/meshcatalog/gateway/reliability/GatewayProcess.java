package io.meshcatalog.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** {@code java -jar gateway.jar} as a process of its own, for the tests that kill it or what it depends on. */
public final class GatewayProcess {

  static final Path JAR = Path.of("target", "gateway.jar");
  /** HTTP/1.1, as browsers and tools speak to the gateway. */
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private GatewayProcess() {
  }

  /** The gateway jar's path, failing when `package` has not built it. */
  public static String jar() {
    assertThat(JAR).as("the gateway jar, built by `package` before the integration tests").isRegularFile();
    return JAR.toAbsolutePath().toString();
  }

  /** Waits until {@code GET /health} answers 200 (three minutes at most), failing when the process exits. */
  public static void awaitHealthy(Process gateway, int port, Path logs) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(gateway.isAlive()).as("the gateway is running; see %s", logs).isTrue();
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the gateway was not healthy within 180 s; see " + logs);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java").toString();
  }
}
