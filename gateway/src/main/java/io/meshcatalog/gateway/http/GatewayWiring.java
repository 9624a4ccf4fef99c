package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.audit.AuditProperties;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.execution.CallerHeaders;
import io.meshcatalog.gateway.execution.CostBudgets;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GuardedSubgraphClient;
import io.meshcatalog.gateway.execution.InFlightSubgraphClient;
import io.meshcatalog.gateway.execution.InProcessSubgraph;
import io.meshcatalog.gateway.execution.InProcessSubgraphClient;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.ObservedSubgraphClient;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.OverrideLabels;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.persisted.PersistedDocuments;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the gateway's parts are made from its settings, in plain Java: the Spring configuration (with the
 * catalog) and the plain start (without it) both build the gateway from these, so the two cannot drift.
 */
public final class GatewayWiring {

    private GatewayWiring() {}

    /** The event loops of the HTTP server and of the subgraph connections: one set, so a request rarely changes thread. */
    public static NettyTransport transport(GatewayProperties properties) {
        return NettyTransport.create(properties.ioThreads());
    }

    /** Where routes that wait on a database run; bounded, so a flood gets 503 instead of a queue without end. */
    public static ExecutorService httpWorkers(GatewayProperties properties) {
        return boundedPool("http-worker", properties.workerThreads());
    }

    /** Where new documents are parsed, validated and planned, off the event loops; bounded, like the workers. */
    public static ExecutorService planning() {
        return boundedPool("planner", Runtime.getRuntime().availableProcessors());
    }

    /** Subgraphs over HTTP, and nothing else: the SDL reads of {@code --subgraphs} and the catalog's harvest. */
    public static NettySubgraphClient subgraphHttpClient(
            NettyTransport transport, JsonMapper json, CallerHeaders callerHeaders) {
        return new NettySubgraphClient(transport, json, NettySubgraphClient.Options.DEFAULTS, callerHeaders);
    }

    /** The subgraphs over HTTP behind a circuit breaker each, with retries of queries ({@code gateway.resilience.*}). */
    public static GuardedSubgraphClient guardedSubgraphs(NettySubgraphClient http, GatewayProperties properties) {
        return new GuardedSubgraphClient(http, properties.resilienceSettings());
    }

    /**
     * What plans fetch with: in-process subgraphs (the built-in catalog) in the JVM, the others over HTTP, guarded,
     * identical queries in flight together sharing one fetch (except to subgraphs configured not to).
     */
    public static SubgraphClient subgraphClient(
            GuardedSubgraphClient http, List<InProcessSubgraph> local, GatewayProperties properties) {
        return new ObservedSubgraphClient(
                InProcessSubgraphClient.around(new InFlightSubgraphClient(http, properties.notDeduplicated()), local));
    }

    /**
     * The supergraph from {@code --supergraph=<file>}, or composed from {@code --subgraphs=name=url,…} (in-process
     * subgraphs first: the planner's tie-breaker then keeps shareable fields they resolve in them).
     */
    public static SupergraphSource supergraphSource(
            String supergraph,
            String subgraphs,
            NettySubgraphClient http,
            GatewayProperties properties,
            List<InProcessSubgraph> local) {
        if (!supergraph.isBlank()) {
            return new SupergraphFile(Path.of(supergraph));
        }
        if (!subgraphs.isBlank()) {
            Map<String, String> urls = new LinkedHashMap<>();
            local.forEach(subgraph -> urls.put(subgraph.name(), subgraph.url()));
            urls.putAll(ComposedSupergraph.parse(subgraphs));
            Map<String, SubgraphSettings> settings = properties.settings();
            SubgraphSettings defaults = properties.defaults();
            HttpSdlFetcher sdl = new HttpSdlFetcher(http, name -> settings.getOrDefault(name, defaults));
            return new ComposedSupergraph(
                    urls,
                    (name, url) -> local.stream()
                            .filter(s -> s.name().equals(name))
                            .findFirst()
                            .map(InProcessSubgraph::sdl)
                            .orElseGet(() -> sdl.sdl(name, url)));
        }
        throw new IllegalStateException("no supergraph: start with --supergraph=<file> (a supergraph SDL as written "
                + "by rover supergraph compose) or --subgraphs=name=url,name=url");
    }

    /**
     * The audit log ({@code audit.*}; in {@code $MESH_DATA_DIR/audit} or {@code ./data/audit} by default), continued
     * from its newest file; the start fails when another gateway writes there or the newest file does not verify.
     */
    public static FileAuditLog auditLog(AuditProperties properties) {
        return FileAuditLog.open(properties.settings(System.getenv()));
    }

    /**
     * The configured operation limits ({@code gateway.limits.*}), the same for every caller for now, and each caller's
     * cost budget ({@code gateway.rate-limit.cost}).
     */
    public static OperationLimits operationLimits(GatewayProperties properties) {
        return OperationLimits.uniform(properties.limitSettings(), new CostBudgets(properties.costBudgets()));
    }

    /** Cross-site request forgery protection ({@code gateway.csrf.*}); admits everything when unsafely disabled. */
    public static EdgeCheck csrfCheck(GatewayProperties properties, JsonMapper json) {
        return properties.csrfDisabled()
                ? (route, call) -> EdgeCheck.admitted(call)
                : new CsrfCheck(properties.csrfRequiredHeaders(), json);
    }

    /**
     * The gateway over the source's supergraph, which it follows as the source changes, recording each change in
     * {@code audit}.
     */
    public static Gateway gateway(
            SupergraphSource source,
            SubgraphClient client,
            GatewayProperties properties,
            ExecutorService planning,
            OperationLimits limits,
            AuditLog audit) {
        Gateway gateway = new Gateway(
                source.load(),
                properties.settings(),
                properties.defaults(),
                new PlanExecutor(client),
                new Gateway.Options(limits, planning, OverrideLabels.withConfigured(properties.enabledOverrideLabels()))
                        .with(properties.authorizationSettings())
                        .with(properties.planningSettings())
                        .deduplicatingRequests(properties.requestsDeduplicated()));
        source.watch(new SchemaReloads(gateway, audit, Clock.systemUTC()), properties.reloadEvery());
        return gateway;
    }

    public static HttpRoute graphqlRoute(
            Gateway gateway, PersistedDocuments persisted, GatewayProperties properties, JsonMapper json) {
        GraphQLEndpoint endpoint = new GraphQLEndpoint(gateway, persisted, properties.planHeaderName(), json);
        return HttpRoute.of(GraphQLEndpoint.PATH, Set.of("GET", "POST"), endpoint::handle);
    }

    /**
     * The edge checks of the gateway itself, to run after those that authenticate: {@link AuthenticationRequired}
     * when {@code gateway.authorization.require-authentication} is set.
     */
    public static List<EdgeCheck> authorizationChecks(GatewayProperties properties, JsonMapper json) {
        return properties.requireAuthentication() ? List.of(new AuthenticationRequired(json)) : List.of();
    }

    /** The per-caller rate limits, to run right after authentication ({@link RateLimits#ORDER}). */
    public static RateLimits rateLimits(GatewayProperties properties, JsonMapper json) {
        return new RateLimits(properties.rateLimits(), json);
    }

    /** {@code /health} and {@code /health/ready} (readiness, naming every subgraph and probe), {@code /health/live}. */
    public static List<HttpRoute> healthRoutes(
            Gateway gateway,
            SubgraphClient client,
            GuardedSubgraphClient guarded,
            List<ReadinessCheck> checks,
            List<HealthProbe> probes,
            JsonMapper json) {
        return healthRoutes(healthEndpoint(gateway, client, guarded, checks, probes, json));
    }

    /** What answers {@code /health}: the state of every subgraph and probe, after the readiness checks. */
    static HealthEndpoint healthEndpoint(
            Gateway gateway,
            SubgraphClient client,
            GuardedSubgraphClient guarded,
            List<ReadinessCheck> checks,
            List<HealthProbe> probes,
            JsonMapper json) {
        return new HealthEndpoint(new SubgraphProbe(gateway, client, guarded), checks, probes, json);
    }

    /** {@code /health}, {@code /health/ready} and {@code /health/live}, in that order, all answered by {@code health}. */
    static List<HttpRoute> healthRoutes(HealthEndpoint health) {
        return List.of(
                HttpRoute.of("/health", Set.of("GET"), health::ready).withAccess(HttpRoute.Access.PUBLIC),
                HttpRoute.of("/health/ready", Set.of("GET"), health::ready).withAccess(HttpRoute.Access.PUBLIC),
                HttpRoute.of("/health/live", Set.of("GET"), health::live).withAccess(HttpRoute.Access.PUBLIC));
    }

    /**
     * Prometheus' registry and {@code GET /metrics}, with the JVM's and this transport's meters; none when
     * {@code gateway.metrics.enabled} is false (what the gateway records then goes to no registry).
     */
    public static Optional<MetricsEndpoint> metrics(GatewayProperties properties, NettyTransport transport) {
        return properties.metricsEnabled() ? Optional.of(MetricsEndpoint.start(transport)) : Optional.empty();
    }

    /** What the server tells of each request: metrics, and the access log of {@code gateway.access-log}. */
    public static ExchangeObservers exchangeObservers(GatewayProperties properties, JsonMapper json) {
        return ExchangeObservers.of(
                properties.metricsEnabled(),
                properties.maxOperationNames(),
                properties.accessLog() == null ? "" : properties.accessLog(),
                json);
    }

    /** {@code server.address} (every interface when blank) and {@code server.port}. */
    public static InetSocketAddress bindAddress(String address, int port) {
        return address.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
    }

    /** {@code threads} daemon threads that end when idle, and a queue of 1,000 tasks beyond which work is refused. */
    private static ExecutorService boundedPool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000),
                new DefaultThreadFactory(name, true));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
