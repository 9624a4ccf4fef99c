package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.HealthProbe;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.gateway.http.PersistedDocumentsProperties;
import io.meshcatalog.gateway.security.ApiKeyAdmin;
import io.meshcatalog.gateway.supergraph.Subgraph;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.lineage.CatalogChanges;
import io.meshcatalog.graph.lineage.HarvestLeases;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.Outbox;
import io.meshcatalog.graph.lineage.TraversalLimits;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the catalog: the graph ({@code NEO4J_URI} or embedded), the lineage store, the in-process
 * catalog subgraph, the harvest and its schedule. Nothing here loads unless the catalog is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCatalog
class CatalogConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean(destroyMethod = "close")
    GraphConnection catalogGraph(CatalogProperties properties) {
        GraphSettings settings = GraphSettings.fromEnvironment(System.getenv());
        if (properties.dataDir() != null && settings.isEmbedded()) {
            settings = GraphSettings.embedded(properties.dataDir());
        }
        if (properties.pageCache() != null && settings.isEmbedded()) {
            settings = new GraphSettings(
                    null,
                    settings.username(),
                    settings.password(),
                    settings.dataDir(),
                    settings.boltPort(),
                    properties.pageCache().toBytes());
        }
        LOG.info("Catalog graph: {}", settings);
        return GraphConnection.open(settings);
    }

    /** Neo4j's state in {@code GET /health}. */
    @Bean
    HealthProbe neo4jProbe(GraphConnection catalogGraph) {
        return new Neo4jProbe(catalogGraph.driver());
    }

    @Bean
    Clock catalogClock() {
        return Clock.systemUTC();
    }

    @Bean
    LineageStore lineageStore(GraphConnection catalogGraph, Clock catalogClock) {
        LineageStore store = new LineageStore(catalogGraph.driver(), TraversalLimits.DEFAULT, catalogClock);
        store.initSchema();
        return store;
    }

    @Bean
    Outbox outbox(GraphConnection catalogGraph, Clock catalogClock) {
        return new Outbox(catalogGraph.driver(), catalogClock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    NotificationSender notificationSender(
            LineageStore lineageStore, Outbox outbox, CatalogProperties properties, Clock catalogClock) {
        return new NotificationSender(lineageStore, outbox, properties.notificationsOrDefault(), catalogClock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService catalogExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "catalog-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), threads);
    }

    @Bean
    CatalogVocabulary catalogVocabulary(LineageStore lineageStore) {
        CatalogVocabulary vocabulary = new CatalogVocabulary(lineageStore, new DescriptorLoader());
        vocabulary.refresh();
        return vocabulary;
    }

    @Bean
    CatalogAccess catalogAccess(AuditLog auditLog, Clock catalogClock) {
        return new CatalogAccess(auditLog, catalogClock);
    }

    @Bean
    CatalogHarvester catalogHarvester(
            ObjectProvider<Gateway> gateway,
            NettySubgraphClient subgraphHttpClient,
            LineageStore lineageStore,
            CatalogVocabulary catalogVocabulary,
            CatalogProperties properties,
            AuditLog auditLog,
            GraphConnection catalogGraph,
            Clock catalogClock,
            @Value("${server.port:8080}") int port) {
        String self = properties.subgraphName();
        return new CatalogHarvester(
                () -> {
                    // The configured URL and headers of each subgraph, as its fetches get them; no client's headers to
                    // forward.
                    Gateway served = gateway.getObject();
                    List<CatalogHarvester.Target> targets = new ArrayList<>();
                    for (Subgraph subgraph : served.supergraph().subgraphs()) {
                        if (!subgraph.name().equals(self)) {
                            targets.add(new CatalogHarvester.Target(
                                    subgraph.name(),
                                    properties.domainOf(subgraph.name()),
                                    served.subgraphs().url(subgraph.name()),
                                    served.subgraphs().settings(subgraph.name()).headers()));
                        }
                    }
                    return targets;
                },
                new HttpContractFetcher(subgraphHttpClient, properties.harvestTimeoutOrDefault()),
                new DescriptorLoader(),
                lineageStore,
                catalogVocabulary,
                auditLog,
                new SharedHarvests(
                        new HarvestLeases(catalogGraph.driver(), catalogClock),
                        SharedHarvests.gatewayName(properties.instanceId(), port),
                        properties.harvestLeaseOrDefault(),
                        properties.harvestEvery(),
                        catalogClock),
                catalogClock);
    }

    /** The vocabulary reloaded, and the grants read again, when another gateway on the graph changed them. */
    @Bean(initMethod = "start", destroyMethod = "close")
    CatalogChangeFeed catalogChangeFeed(
            GraphConnection catalogGraph,
            CatalogVocabulary catalogVocabulary,
            GrantCache grantCache,
            CatalogProperties properties) {
        return new CatalogChangeFeed(
                new CatalogChanges(catalogGraph.driver()),
                Map.of(
                        CatalogChanges.Scope.VOCABULARY,
                        catalogVocabulary::refresh,
                        CatalogChanges.Scope.GRANTS,
                        grantCache::changed),
                properties.refreshEvery());
    }

    /** The grants each caller holds, for the caller assertion of every subgraph fetch (the {@code GrantLookup}). */
    @Bean
    GrantCache grantCache(LineageStore lineageStore, ExecutorService httpWorkers) {
        return new GrantCache(lineageStore::grantedProducts, httpWorkers, System::nanoTime);
    }

    /** Reads a caller's grants at the edge, after authentication (order 100), so no fetch waits for them. */
    @Bean
    @Order(200)
    EdgeCheck grantWarmUp(GrantCache grantCache) {
        return grantCache.edgeCheck();
    }

    @Bean
    CatalogSubgraph catalogSubgraph(
            LineageStore lineageStore,
            CatalogVocabulary catalogVocabulary,
            CatalogHarvester catalogHarvester,
            ExecutorService catalogExecutor,
            CatalogProperties properties,
            ApiKeyAdmin apiKeyAdmin,
            CatalogAccess catalogAccess,
            AuditLog auditLog,
            AuditReader auditReader,
            GrantCache grantCache,
            Clock catalogClock,
            OperationLimits operationLimits,
            Outbox outbox,
            @Value("${server.port:8080}") int port) {
        CatalogFetchers fetchers = new CatalogFetchers(
                lineageStore, catalogVocabulary, CatalogLimits.DEFAULT, catalogHarvester, catalogAccess);
        CatalogSubgraph.Extensions extensions = new CatalogSubgraph.Extensions(
                new ApiKeyFetchers(apiKeyAdmin, catalogAccess),
                new AccessFetchers(lineageStore, catalogAccess, auditLog, grantCache, catalogClock),
                new AuditFetchers(auditReader, catalogAccess),
                new RunFetchers(lineageStore),
                new HealthFetchers(lineageStore, CatalogLimits.DEFAULT),
                new LifecycleFetchers(lineageStore),
                new NotificationFetchers(outbox),
                new TemplateFetchers(
                        lineageStore.templates(), catalogVocabulary, catalogAccess, auditLog, catalogClock));
        return new CatalogSubgraph(
                properties.subgraphName(),
                "http://localhost:" + port + CatalogHttpEndpoint.PATH,
                lineageStore,
                fetchers,
                extensions,
                catalogExecutor,
                operationLimits);
    }

    @Bean(destroyMethod = "close")
    HarvestSchedule harvestSchedule(CatalogHarvester catalogHarvester, CatalogProperties properties) {
        return new HarvestSchedule(catalogHarvester, properties.harvestEvery());
    }

    /**
     * The catalog subgraph over HTTP. With a safelist (or require-id) on, for admins only: it runs whatever document it
     * is sent, which {@code /graphql} would refuse.
     */
    @Bean
    HttpRoute catalogGraphqlRoute(
            CatalogSubgraph catalogSubgraph, JsonMapper jsonMapper, PersistedDocumentsProperties persistedDocuments) {
        HttpRoute route = HttpRoute.of(
                CatalogHttpEndpoint.PATH, Set.of("POST"), new CatalogHttpEndpoint(catalogSubgraph, jsonMapper)::handle);
        return persistedDocuments.restrictsDocuments() ? route.withAccess(HttpRoute.Access.ADMIN) : route;
    }

    /** Writes to Neo4j: authenticated callers only, in their own namespaces. */
    @Bean
    HttpRoute openLineageRoute(
            LineageStore lineageStore,
            JsonMapper jsonMapper,
            CatalogAccess catalogAccess,
            AuditLog auditLog,
            Clock catalogClock,
            CatalogProperties catalogProperties) {
        return HttpRoute.blocking(
                        "/api/v1/lineage",
                        Set.of("POST"),
                        new OpenLineageEndpoint(
                                lineageStore,
                                jsonMapper,
                                catalogAccess,
                                auditLog,
                                catalogClock,
                                new OpenLineageReader(catalogProperties.intakeLimits()))::handle)
                .withAccess(HttpRoute.Access.AUTHENTICATED);
    }

    /** Reads Neo4j. */
    @Bean
    HttpRoute impactCsvRoute(LineageStore lineageStore) {
        return HttpRoute.blocking("/api/v1/impact.csv", Set.of("GET"), new ImpactCsvEndpoint(lineageStore)::handle);
    }

    /** Reads Neo4j (who may see what) and the vocabulary. */
    @Bean
    HttpRoute odpsRoute(LineageStore lineageStore, CatalogVocabulary catalogVocabulary) {
        return HttpRoute.blocking(
                StandardsEndpoint.PRODUCTS + "**",
                Set.of("GET"),
                new StandardsEndpoint(lineageStore, catalogVocabulary)::handle);
    }

    /** Reads Neo4j (who may see what) and the vocabulary. */
    @Bean
    HttpRoute odcsRoute(LineageStore lineageStore, CatalogVocabulary catalogVocabulary) {
        return HttpRoute.blocking(
                StandardsEndpoint.DATASETS + "**",
                Set.of("GET"),
                new StandardsEndpoint(lineageStore, catalogVocabulary)::handle);
    }
}
