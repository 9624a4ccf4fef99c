package io.meshcatalog.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the gateway: {@code java -jar gateway.jar --supergraph=supergraph.graphql}, or
 * {@code --subgraphs=name=url,…} to compose (add {@code --catalog.enabled=true} for the built-in
 * catalog over Neo4j), or {@code --demo} for the whole demo mesh.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    if (PrintSupergraph.requested(args)) {
      System.exit(PrintSupergraph.run(args));
    }
    if (io.meshcatalog.gateway.demo.DemoLauncher.requested(args)) {
      io.meshcatalog.gateway.demo.DemoLauncher.run(GatewayApplication.class, args);
      return;
    }
    warmUp(args);
    SpringApplication.run(GatewayApplication.class, args);
  }

  /**
   * Conformance harnesses restart the gateway per suite, so start-up time matters: parse the
   * supergraph once on a second core while Spring starts, which loads and JIT-warms graphql-java's
   * parser and schema classes; the real load in the context is then several times faster.
   */
  private static void warmUp(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--supergraph=")) {
        java.nio.file.Path path = java.nio.file.Path.of(arg.substring("--supergraph=".length()));
        Thread thread = new Thread(() -> {
          try {
            new io.meshcatalog.gateway.supergraph.SupergraphParser().parse(java.nio.file.Files.readString(path));
          } catch (java.io.IOException | RuntimeException e) {
            // The context reports a bad or missing file with its reason.
          }
        }, "supergraph-warm-up");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }
}
