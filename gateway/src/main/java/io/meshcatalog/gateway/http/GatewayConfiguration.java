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
  SupergraphSource supergraphSource(@Value("${supergraph:}") String supergraph, @Value("${subgraphs:}") String subgraphs,
      HttpClient subgraphHttpClient, JsonMapper jsonMapper, GatewayProperties properties) {
    if (!supergraph.isBlank()) {
      return new SupergraphFile(Path.of(supergraph));
    }
    if (!subgraphs.isBlank()) {
      return new ComposedSupergraph(ComposedSupergraph.parse(subgraphs),
          new HttpSdlFetcher(subgraphHttpClient, jsonMapper, properties.defaultTimeout()));
    }
    throw new IllegalStateException("no supergraph: start with --supergraph=<file> (a supergraph SDL as written "
        + "by rover supergraph compose) or --subgraphs=name=url,name=url");
  }

  @Bean
  Gateway gateway(SupergraphSource supergraphSource, SubgraphClient subgraphClient, GatewayProperties properties) {
    Gateway gateway = new Gateway(supergraphSource.load(), properties.settings(), properties.defaults(),
        new PlanExecutor(subgraphClient), OperationLimits.NONE);
    supergraphSource.watch(gateway, properties.reloadEvery());
    return gateway;
  }
}
