package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.HttpSubgraphClient;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the gateway from {@code --supergraph=<file>} and {@code gateway.*} properties. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean
  HttpClient subgraphHttpClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Bean
  SubgraphClient subgraphClient(HttpClient subgraphHttpClient, JsonMapper jsonMapper) {
    return new HttpSubgraphClient(subgraphHttpClient, jsonMapper);
  }

  @Bean(destroyMethod = "close")
  SupergraphFile supergraphFile(@Value("${supergraph:}") String supergraph) {
    if (supergraph.isBlank()) {
      throw new IllegalStateException("no supergraph: start with --supergraph=<file> "
          + "(a supergraph SDL as written by rover supergraph compose)");
    }
    return new SupergraphFile(Path.of(supergraph));
  }

  @Bean
  Gateway gateway(SupergraphFile supergraphFile, SubgraphClient subgraphClient, GatewayProperties properties) {
    Gateway gateway = new Gateway(supergraphFile.load(), properties.settings(), properties.defaults(),
        new PlanExecutor(subgraphClient), OperationLimits.NONE);
    supergraphFile.watch(gateway, properties.reloadEvery());
    return gateway;
  }
}
