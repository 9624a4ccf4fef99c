package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.InProcessSubgraph;
import io.meshcatalog.gateway.execution.InProcessSubgraphClient;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.OverrideLabels;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** Wires the gateway from {@code --supergraph=<file>} and {@code gateway.*} properties. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  /** The event loops of the HTTP server and of the subgraph connections: one set, so a request rarely changes thread. */
  @Bean(destroyMethod = "close")
  NettyTransport transport(GatewayProperties properties) {
    return NettyTransport.create(properties.ioThreads());
  }

  /** Where routes that wait on a database run; bounded, so a flood gets 503 instead of a queue without end. */
  @Bean(destroyMethod = "shutdown")
  ExecutorService httpWorkers(GatewayProperties properties) {
    return boundedPool("http-worker", properties.workerThreads());
  }

  @Bean
  HttpRoute graphqlRoute(Gateway gateway, GatewayProperties properties, JsonMapper jsonMapper) {
    GraphQLEndpoint endpoint = new GraphQLEndpoint(gateway, properties.planHeaderName(), jsonMapper);
    return HttpRoute.of(GraphQLEndpoint.PATH, Set.of("GET", "POST"), endpoint::handle);
  }

  @Bean
  HttpRoute healthRoute(Gateway gateway, List<ReadinessCheck> checks, JsonMapper jsonMapper) {
    return HttpRoute.of("/health", Set.of("GET"), new HealthEndpoint(gateway, checks, jsonMapper)::handle);
  }

  @Bean
  ServerLifecycle gatewayServer(@Value("${server.address:}") String address, @Value("${server.port:8080}") int port,
      List<HttpRoute> routes, NettyTransport transport, ExecutorService httpWorkers, JsonMapper jsonMapper,
      GatewayProperties properties, ConfigurableEnvironment environment) {
    InetSocketAddress bind = address.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
    return new ServerLifecycle(bind, routes, transport, httpWorkers, jsonMapper, properties.serverOptions(),
        environment);
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

  /** Where new documents are parsed, validated and planned, off the event loops; bounded, like the workers. */
  @Bean(destroyMethod = "shutdown")
  ExecutorService planning() {
    return boundedPool("planner", Runtime.getRuntime().availableProcessors());
  }

  /** {@code threads} daemon threads that end when idle, and a queue of 1,000 tasks beyond which work is refused. */
  private static ExecutorService boundedPool(String name, int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1_000), new DefaultThreadFactory(name, true));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Bean
  Gateway gateway(SupergraphSource supergraphSource, SubgraphClient subgraphClient, GatewayProperties properties,
      ExecutorService planning) {
    Gateway gateway = new Gateway(supergraphSource.load(), properties.settings(), properties.defaults(),
        new PlanExecutor(subgraphClient), new Gateway.Options(OperationLimits.NONE, planning,
            OverrideLabels.withConfigured(properties.enabledOverrideLabels())));
    supergraphSource.watch(gateway, properties.reloadEvery());
    return gateway;
  }
}
