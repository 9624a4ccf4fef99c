package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.InProcessSubgraph;
import io.meshcatalog.gateway.execution.InProcessSubgraphClient;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the gateway from {@code --supergraph=<file>} and {@code gateway.*} properties. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean(destroyMethod = "close")
  NettyTransport transport(@Value("${gateway.io-threads:0}") int threads) {
    return NettyTransport.create(threads);
  }

  /** Subgraphs over HTTP, and nothing else: the SDL reads of {@code --subgraphs} and the catalog's harvest. */
  @Bean(destroyMethod = "close")
  NettySubgraphClient subgraphHttpClient(NettyTransport transport, JsonMapper jsonMapper) {
    return new NettySubgraphClient(transport, jsonMapper, NettySubgraphClient.Options.DEFAULTS);
  }

  /** What plans fetch with: in-process subgraphs (the built-in catalog) in the JVM, the others over HTTP. */
  @Bean
  SubgraphClient subgraphClient(NettySubgraphClient subgraphHttpClient, ObjectProvider<InProcessSubgraph> inProcess) {
    return InProcessSubgraphClient.around(subgraphHttpClient, inProcess.orderedStream().toList());
  }

  @Bean(destroyMethod = "close")
  SupergraphSource supergraphSource(@Value("${supergraph:}") String supergraph, @Value("${subgraphs:}") String subgraphs,
      NettySubgraphClient subgraphHttpClient, GatewayProperties properties,
      ObjectProvider<InProcessSubgraph> inProcess) {
    if (!supergraph.isBlank()) {
      return new SupergraphFile(Path.of(supergraph));
    }
    if (!subgraphs.isBlank()) {
      // In-process subgraphs (the built-in catalog) come first: the planner's tie-breaker then keeps
      // shareable fields they resolve in them.
      List<InProcessSubgraph> local = inProcess.orderedStream().toList();
      Map<String, String> urls = new LinkedHashMap<>();
      local.forEach(subgraph -> urls.put(subgraph.name(), subgraph.url()));
      urls.putAll(ComposedSupergraph.parse(subgraphs));
      Map<String, SubgraphSettings> settings = properties.settings();
      SubgraphSettings defaults = properties.defaults();
      HttpSdlFetcher http = new HttpSdlFetcher(subgraphHttpClient, name -> settings.getOrDefault(name, defaults));
      return new ComposedSupergraph(urls, (name, url) -> local.stream().filter(s -> s.name().equals(name))
          .findFirst().map(InProcessSubgraph::sdl).orElseGet(() -> http.sdl(name, url)));
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
