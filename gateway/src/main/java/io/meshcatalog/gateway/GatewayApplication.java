package io.meshcatalog.gateway;

import io.meshcatalog.gateway.http.EarlySupergraph;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the gateway: {@code java -jar gateway.jar --supergraph=supergraph.graphql}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    if (PrintSupergraph.requested(args)) {
      System.exit(PrintSupergraph.run(args));
    }
    EarlySupergraph.start(args);
    SpringApplication.run(GatewayApplication.class, args);
  }
}
