package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search and impact latency through the gateway, and OpenLineage ingestion in events per second, on
 * a synthetic graph: products in a lineage tree (each derived from an earlier one, field by field).
 * Not part of {@code mvn verify} (its name ends in neither Tests nor IT); run it with
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -pl gateway test -Dtest=CatalogBenchmark -Dbench.products=2000 -Dbench.events=1000
 * </pre>
 * The graph is loaded through the lineage store's ordinary upsert (one transaction per product), so
 * loading, not querying, bounds the size this can reach today; a bulk loader for the 1M-dataset
 * graph is the next step.
 */
class CatalogBenchmark {

  private static final String[] WORDS = {"orders", "revenue", "delay", "shipping", "customer", "refund", "stock",
      "invoice", "churn", "campaign", "carrier", "margin"};

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void searchImpactAndIngestion() throws Exception {
    int products = Integer.getInteger("bench.products", 1_000);
    int events = Integer.getInteger("bench.events", 500);
    int domains = 10;
    Path data = Files.createTempDirectory("catalog-bench");
    try (ConfigurableApplicationContext context = SpringApplication.run(GatewayApplication.class,
        "--subgraphs=catalog=http://localhost/catalog/graphql", "--catalog.enabled=true",
        "--catalog.data-dir=" + data.resolve("neo4j"), "--server.port=0", "--catalog.harvest-interval=0",
        "--gateway.reload-interval=0", "--logging.level.root=WARN")) {
      String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
      LineageStore store = context.getBean(LineageStore.class);

      long loadStart = System.nanoTime();
      DescriptorLoader loader = new DescriptorLoader();
      for (int d = 0; d < domains; d++) {
        store.upsert(loader.load("bench" + d, descriptor(d, domains, products)));
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      report("load", products + " products, " + products + " datasets, " + products * 5 + " fields in "
          + String.format(Locale.ROOT, "%.1f s (%.0f products/s)", loadSeconds, products / loadSeconds));

      Random random = new Random(42);
      latency("search", 200, () -> graphql(base, "{ search(text: \"" + WORDS[random.nextInt(WORDS.length)]
          + "\", first: 20) { totalCount edges { node { id } } } }"));
      latency("impact depth 5", 200, () -> graphql(base, "{ impact(of: {kind: PRODUCT, id: \"" + product(
          random.nextInt(products), domains) + "\"}, depth: 5) { nodes { id } ownersToNotify { team } truncated } }"));
      latency("field impact depth 10", 200, () -> graphql(base, "{ impact(of: {kind: FIELD, id: \""
          + product(random.nextInt(Math.max(1, products / 10)), domains) + ".f0\"}, depth: 10) { nodes { id } truncated } }"));

      for (int threads : new int[] {1, 4}) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
          String input = dataset(random.nextInt(products), domains);
          sent.add(pool.submit(() -> post(base + "/api/v1/lineage", event(input))));
        }
        for (Future<Integer> status : sent) {
          if (status.get() != 201) {
            throw new AssertionError("an event was refused with HTTP " + status.get());
          }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        report("openlineage x" + threads, String.format(Locale.ROOT, "%d events in %.1f s: %.0f events/s",
            events, seconds, events / seconds));
      }
    }
  }

  private static String product(int i, int domains) {
    return "bench" + (i % domains) + ".p" + i;
  }

  private static String dataset(int i, int domains) {
    return product(i, domains);
  }

  /** One domain's products: product i reads product (i - 1) / 2, field k from field k. */
  private static String descriptor(int d, int domains, int products) {
    StringBuilder yaml = new StringBuilder("apiVersion: meshcatalog/v1\nkind: Domain\ndomain:\n  id: bench" + d
        + "\n  name: Bench " + d + "\n  description: A synthetic domain.\n  team:\n    name: team" + d
        + "\n    description: A synthetic team.\n    members:\n      - username: owner" + d + "\n        name: Owner "
        + d + "\n        role: owner\nproducts:\n");
    for (int i = d; i < products; i += domains) {
      String id = product(i, domains);
      String topic = WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length];
      yaml.append("  - id: ").append(id).append("\n    name: Product ").append(i)
          .append("\n    version: 1.0.0\n    status: active\n    description:\n      purpose: Synthetic ")
          .append(topic).append(" figures.\n      limitations: None.\n      usage: Benchmarks only.\n")
          .append("    tags: [").append(WORDS[i % WORDS.length]).append("]\n");
      int parent = (i - 1) / 2;
      if (i > 0) {
        yaml.append("    inputPorts:\n      - name: parent\n        contractId: ").append(dataset(parent, domains))
            .append("\n        version: 1.0.0\n");
      }
      yaml.append("    schema:\n      - name: p").append(i).append("\n        physicalName: bench.p").append(i)
          .append("\n        description: Synthetic ").append(topic).append(" rows.\n        properties:\n");
      for (int k = 0; k < 5; k++) {
        yaml.append("          - name: f").append(k).append("\n            logicalType: string\n")
            .append("            description: Synthetic ").append(topic).append(" value ").append(k).append(".\n");
        if (i > 0) {
          yaml.append("            transformSourceObjects: [").append(dataset(parent, domains)).append(".f").append(k)
              .append("]\n");
        }
      }
    }
    return yaml.toString();
  }

  private static String event(String inputDataset) {
    String name = inputDataset;
    return """
        {"eventType": "COMPLETE", "eventTime": "2026-11-25T00:00:00Z",
         "producer": "https://example.com/bench", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "bench", "name": "export.%s"},
         "inputs": [{"namespace": "warehouse", "name": "%s"}],
         "outputs": [{"namespace": "s3://lake", "name": "exports/%s", "facets": {
           "schema": {"fields": [{"name": "f0", "type": "string"}]},
           "columnLineage": {"fields": {"f0": {"inputFields": [{"namespace": "warehouse", "name": "%s", "field": "f0"}]}}}}}]}
        """.formatted(UUID.randomUUID(), name, name, name, name);
  }

  private void latency(String what, int runs, Runnable call) {
    for (int i = 0; i < 20; i++) {
      call.run();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    report(what, String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d runs)", nanos[runs / 2] / 1e6,
        nanos[runs * 95 / 100] / 1e6, nanos[runs * 99 / 100] / 1e6, runs));
  }

  private void graphql(String base, String query) {
    String body = "{\"query\": \"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
      throw new AssertionError("query failed: " + response.body());
    }
  }

  private int post(String url, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void report(String what, String figure) {
    System.out.printf(Locale.ROOT, "BENCH %-24s %s%n", what, figure);
  }
}
