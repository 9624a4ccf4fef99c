package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.gateway.demo.DemoLauncher;
import io.meshcatalog.gateway.support.TestCallerCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo mesh as {@code --demo} runs it (domain subgraphs jar as a child process, embedded Neo4j,
 * the gateway with its catalog) on free ports and a fresh graph, with helpers to call it over HTTP. Callers are
 * told apart by {@link TestCallerCheck}, which stands in for authentication: a request without its header is
 * anonymous.
 */
final class DemoMesh implements AutoCloseable {

  /** The gateway application with the test's stand-in for authentication as its first edge check. */
  @TestConfiguration(proxyBeanMethods = false)
  @Import({GatewayApplication.class, TestCallerCheck.First.class})
  static class WithTestCallers {
  }

  static final Path SUBGRAPHS_JAR = Path.of("..", "domain-subgraphs", "mesh", "target", "domain-subgraphs.jar");

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  final String base;

  private DemoMesh(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  static DemoMesh start(Path dataDir) {
    return new DemoMesh(DemoLauncher.run(WithTestCallers.class, new String[] {"--demo",
        "--demo.subgraphs-jar=" + SUBGRAPHS_JAR, "--demo.base-port=" + fiveFreePorts(), "--server.port=0",
        "--catalog.data-dir=" + dataDir, "--catalog.harvest-interval=0", "--gateway.reload-interval=0"}));
  }

  /**
   * The catalog alone over the graph a demo mesh left in {@code dataDir}, as after a restart while every domain
   * subgraph is down: it harvests nothing and answers from what it stored.
   */
  static DemoMesh catalogOnly(Path dataDir) {
    return new DemoMesh(SpringApplication.run(GatewayApplication.class,
        "--subgraphs=catalog=http://localhost/catalog/graphql", "--catalog.enabled=true",
        "--catalog.data-dir=" + dataDir, "--server.port=0", "--catalog.harvest-interval=0",
        "--gateway.reload-interval=0"));
  }

  /** POSTs a GraphQL operation to the gateway and answers the parsed response. */
  Map<String, Object> graphql(String query) {
    return json.readValue(post("/graphql", json.writeValueAsString(Map.of("query", query))).body(), mapType());
  }

  /** Like {@link #graphql}, asking for the plan too: it comes back in {@code extensions.queryPlan}. */
  Map<String, Object> graphqlWithPlan(String query) {
    return json.readValue(send(request("/graphql", json.writeValueAsString(Map.of("query", query)))
        .header("X-Mesh-Plan", "true").build()).body(), mapType());
  }

  HttpResponse<String> post(String path, String body) {
    return send(request(path, body).build());
  }

  private HttpRequest.Builder request(String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** Like {@link #graphql}, for the caller {@code caller} describes (as JSON, see {@link TestCallerCheck}). */
  Map<String, Object> graphqlAs(String caller, String query) {
    return json.readValue(send(request("/graphql", json.writeValueAsString(Map.of("query", query)))
        .header(TestCallerCheck.HEADER, caller).build()).body(), mapType());
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<String, Object>> mapType() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }

  /** A base port whose next four are free too, away from the demo's default 4001. */
  static int fiveFreePorts() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      if (free(base) && free(base + 1) && free(base + 2) && free(base + 3) && free(base + 4)) {
        return base;
      }
    }
    throw new IllegalStateException("no five consecutive free ports");
  }

  static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
