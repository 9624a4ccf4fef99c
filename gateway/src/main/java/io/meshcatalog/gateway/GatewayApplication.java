package io.meshcatalog.gateway;

import io.meshcatalog.gateway.demo.DemoLauncher;
import io.meshcatalog.gateway.http.EarlySupergraph;
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
    if (DemoLauncher.requested(args)) {
      DemoLauncher.run(GatewayApplication.class, args);
      return;
    }
    EarlySupergraph.start(args);
    SpringApplication.run(GatewayApplication.class, args);
  }
}
