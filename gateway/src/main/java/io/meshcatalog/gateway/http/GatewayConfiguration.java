package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.audit.AuditProperties;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.execution.CallerHeaders;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GuardedSubgraphClient;
import io.meshcatalog.gateway.execution.InProcessSubgraph;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.persisted.PersistedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the gateway as beans, for the application with the catalog (which adds in-process subgraphs, routes and
 * readiness checks); the parts come from {@link GatewayWiring}, as in the plain start.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean(destroyMethod = "close")
    NettyTransport transport(GatewayProperties properties) {
        return GatewayWiring.transport(properties);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService httpWorkers(GatewayProperties properties) {
        return GatewayWiring.httpWorkers(properties);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService planning() {
        return GatewayWiring.planning();
    }

    @Bean(destroyMethod = "close")
    NettySubgraphClient subgraphHttpClient(
            NettyTransport transport, JsonMapper jsonMapper, ObjectProvider<CallerHeaders> callerHeaders) {
        return GatewayWiring.subgraphHttpClient(
                transport, jsonMapper, callerHeaders.getIfAvailable(() -> CallerHeaders.NONE));
    }

    @Bean
    GuardedSubgraphClient guardedSubgraphs(NettySubgraphClient subgraphHttpClient, GatewayProperties properties) {
        return GatewayWiring.guardedSubgraphs(subgraphHttpClient, properties);
    }

    @Bean
    SubgraphClient subgraphClient(
            GuardedSubgraphClient guardedSubgraphs,
            ObjectProvider<InProcessSubgraph> inProcess,
            GatewayProperties gatewayProperties) {
        return GatewayWiring.subgraphClient(
                guardedSubgraphs, inProcess.orderedStream().toList(), gatewayProperties);
    }

    @Bean(destroyMethod = "close")
    SupergraphSource supergraphSource(
            @Value("${supergraph:}") String supergraph,
            @Value("${subgraphs:}") String subgraphs,
            NettySubgraphClient subgraphHttpClient,
            GatewayProperties properties,
            ObjectProvider<InProcessSubgraph> inProcess,
            ObjectProvider<SubgraphsStarting> starting) {
        List<InProcessSubgraph> local = inProcess.orderedStream().toList();
        // the in-process subgraphs (and the catalog's graph) are up: now the others are needed
        starting.ifAvailable(SubgraphsStarting::awaitReady);
        return GatewayWiring.supergraphSource(supergraph, subgraphs, subgraphHttpClient, properties, local);
    }

    /** Closed after every bean that records into it: what was appended is written before the JVM stops. */
    @Bean(destroyMethod = "close")
    FileAuditLog auditLog(AuditProperties auditProperties) {
        return GatewayWiring.auditLog(auditProperties);
    }

    /** Admins' view of the audit log (the GraphQL {@code auditEvents} field reads it). */
    @Bean
    AuditReader auditReader(FileAuditLog auditLog) {
        return auditLog.reader();
    }

    @Bean
    OperationLimits operationLimits(GatewayProperties properties) {
        return GatewayWiring.operationLimits(properties);
    }

    @Bean
    Gateway gateway(
            SupergraphSource supergraphSource,
            SubgraphClient subgraphClient,
            GatewayProperties properties,
            ExecutorService planning,
            OperationLimits operationLimits,
            AuditLog auditLog) {
        return GatewayWiring.gateway(supergraphSource, subgraphClient, properties, planning, operationLimits, auditLog);
    }

    /** First among the edge checks: a request a web page could have forged is refused before anything else. */
    @Bean
    @Order(CsrfCheck.ORDER)
    EdgeCheck csrfCheck(GatewayProperties properties, JsonMapper jsonMapper) {
        return GatewayWiring.csrfCheck(properties, jsonMapper);
    }

    @Bean
    PersistedDocuments persistedDocuments(PersistedDocumentsProperties properties, JsonMapper jsonMapper) {
        return new PersistedDocuments(properties.settings(jsonMapper));
    }

    @Bean
    HttpRoute graphqlRoute(
            Gateway gateway,
            PersistedDocuments persistedDocuments,
            GatewayProperties properties,
            JsonMapper jsonMapper) {
        return GatewayWiring.graphqlRoute(gateway, persistedDocuments, properties, jsonMapper);
    }

    /** One endpoint behind the three health routes. */
    @Bean
    HealthEndpoint healthEndpoint(
            Gateway gateway,
            SubgraphClient subgraphClient,
            GuardedSubgraphClient guardedSubgraphs,
            List<ReadinessCheck> checks,
            List<HealthProbe> probes,
            JsonMapper jsonMapper) {
        return GatewayWiring.healthEndpoint(gateway, subgraphClient, guardedSubgraphs, checks, probes, jsonMapper);
    }

    @Bean
    HttpRoute healthRoute(HealthEndpoint healthEndpoint) {
        return GatewayWiring.healthRoutes(healthEndpoint).get(0);
    }

    @Bean
    HttpRoute readinessRoute(HealthEndpoint healthEndpoint) {
        return GatewayWiring.healthRoutes(healthEndpoint).get(1);
    }

    @Bean
    HttpRoute livenessRoute(HealthEndpoint healthEndpoint) {
        return GatewayWiring.healthRoutes(healthEndpoint).get(2);
    }

    /** Per-caller rate limits: after authentication, which names the caller. */
    @Bean
    @Order(RateLimits.ORDER)
    EdgeCheck rateLimits(GatewayProperties properties, JsonMapper jsonMapper) {
        return GatewayWiring.rateLimits(properties, jsonMapper);
    }

    /** Apollo router's {@code require_authentication}: runs after the checks that authenticate, being ordered last. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnBooleanProperty("gateway.authorization.require-authentication")
    EdgeCheck authenticationRequired(JsonMapper jsonMapper) {
        return new AuthenticationRequired(jsonMapper);
    }

    /** Prometheus' registry, joined to the global one, and the JVM's and Netty's meters, unless metrics are off. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "gateway.metrics.enabled", matchIfMissing = true)
    MetricsEndpoint metricsEndpoint(NettyTransport transport, GatewayProperties properties) {
        return GatewayWiring.metrics(properties, transport).orElseThrow();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "gateway.metrics.enabled", matchIfMissing = true)
    HttpRoute metricsRoute(MetricsEndpoint metricsEndpoint) {
        return metricsEndpoint.route();
    }

    @Bean(destroyMethod = "close")
    ExchangeObservers exchangeObservers(GatewayProperties properties, JsonMapper jsonMapper) {
        return GatewayWiring.exchangeObservers(properties, jsonMapper);
    }

    @Bean
    ServerLifecycle gatewayServer(
            @Value("${server.address:}") String address,
            @Value("${server.port:8080}") int port,
            List<HttpRoute> routes,
            List<HttpRoutes> routeSets,
            ObjectProvider<EdgeCheck> checks,
            NettyTransport transport,
            ExecutorService httpWorkers,
            JsonMapper jsonMapper,
            GatewayProperties properties,
            ConfigurableEnvironment environment,
            ExchangeObservers exchangeObservers) {
        List<HttpRoute> all = new ArrayList<>(routes);
        routeSets.forEach(set -> all.addAll(set.routes()));
        return new ServerLifecycle(
                GatewayWiring.bindAddress(address, port),
                all,
                checks.orderedStream().toList(),
                transport,
                httpWorkers,
                jsonMapper,
                properties.serverOptions(),
                environment,
                exchangeObservers.listeners());
    }
}
