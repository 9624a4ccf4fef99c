package io.meshcatalog.gateway;

import io.meshcatalog.gateway.audit.AuditProperties;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GuardedSubgraphClient;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.graphiql.GraphiqlRoutes;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.ExchangeObservers;
import io.meshcatalog.gateway.http.GatewayProperties;
import io.meshcatalog.gateway.http.GatewayServer;
import io.meshcatalog.gateway.http.GatewayWiring;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.gateway.http.MetricsEndpoint;
import io.meshcatalog.gateway.http.PersistedDocumentsProperties;
import io.meshcatalog.gateway.http.SupergraphSource;
import io.meshcatalog.gateway.persisted.PersistedDocuments;
import io.meshcatalog.gateway.security.ApiKeys;
import io.meshcatalog.gateway.security.GrantLookup;
import io.meshcatalog.gateway.security.SecurityProperties;
import io.meshcatalog.gateway.security.SecuritySettings;
import io.meshcatalog.gateway.security.SecurityWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway without the catalog ({@code --supergraph} or {@code --subgraphs}), started without the Spring
 * container: conformance harnesses restart the gateway once per suite, and an empty Spring Boot application alone
 * takes about two seconds to start on two cores. Configuration is read as Spring Boot reads it (command line,
 * system properties, environment, {@code application.properties|yml|yaml} in {@code ./config/}, {@code ./} and the
 * jar; the same binding, {@code logging.level.*} applied) and the parts are made by {@link GatewayWiring}, as in
 * the Spring configuration. Anything that needs the container (the catalog, profiles, other config locations)
 * starts the Spring application instead.
 */
final class PlainGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlainGateway.class);

    /** Settings the plain start does not honour: with any of them, the Spring application starts. */
    private static final List<String> NEEDS_SPRING = List.of(
            "catalog.enabled",
            "spring.profiles.active",
            "spring.config.location",
            "spring.config.additional-location",
            "spring.config.import");

    private final List<AutoCloseable> parts;
    private final GatewayServer server;

    private PlainGateway(List<AutoCloseable> parts, GatewayServer server) {
        this.parts = parts;
        this.server = server;
    }

    /** The configuration of these arguments, read as Spring Boot reads it. */
    static ConfigurableEnvironment environment(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        DefaultResourceLoader resources = new DefaultResourceLoader(PlainGateway.class.getClassLoader());
        // Spring Boot's order: ./config/ over ./ over the jar; properties over yml over yaml in one place.
        for (String location : List.of("file:./config/", "file:./", "classpath:")) {
            for (String extension : List.of("properties", "yml", "yaml")) {
                Resource resource = resources.getResource(location + "application." + extension);
                if (resource.exists()) {
                    load(resource, extension).forEach(environment.getPropertySources()::addLast);
                }
            }
        }
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    /** Whether this configuration can start without the Spring container. */
    static boolean applies(ConfigurableEnvironment environment) {
        return NEEDS_SPRING.stream().noneMatch(name -> {
            String value = environment.getProperty(name);
            return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
        });
    }

    /** Starts the gateway and serves until the JVM stops. */
    static void run(ConfigurableEnvironment environment) throws InterruptedException {
        PlainGateway gateway = start(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        new CountDownLatch(1).await();
    }

    static PlainGateway start(ConfigurableEnvironment environment) {
        configureLogging(environment);
        Binder binder = Binder.get(environment);
        GatewayProperties properties = binder.bindOrCreate("gateway", GatewayProperties.class);
        SecuritySettings security =
                SecurityWiring.settings(binder.bindOrCreate("security", SecurityProperties.class), environment);
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            // first in, so closed last: what the other parts appended is written before it closes
            FileAuditLog audit = GatewayWiring.auditLog(binder.bindOrCreate("audit", AuditProperties.class));
            parts.add(audit);
            NettyTransport transport = GatewayWiring.transport(properties);
            parts.add(transport);
            ExecutorService planning = GatewayWiring.planning();
            ExecutorService workers = GatewayWiring.httpWorkers(properties);
            parts.add(planning::shutdown);
            parts.add(workers::shutdown);
            NettySubgraphClient http = GatewayWiring.subgraphHttpClient(
                    transport, json, SecurityWiring.callerHeaders(security, GrantLookup.NONE, clock));
            parts.add(http);
            SupergraphSource source = GatewayWiring.supergraphSource(
                    environment.getProperty("supergraph", ""),
                    environment.getProperty("subgraphs", ""),
                    http,
                    properties,
                    List.of());
            parts.add(source);
            GuardedSubgraphClient guarded = GatewayWiring.guardedSubgraphs(http, properties);
            SubgraphClient client = GatewayWiring.subgraphClient(guarded, List.of(), properties);
            Gateway gateway = GatewayWiring.gateway(
                    source, client, properties, planning, GatewayWiring.operationLimits(properties), audit);
            Optional<MetricsEndpoint> metrics = GatewayWiring.metrics(properties, transport);
            metrics.ifPresent(parts::add);
            ExchangeObservers observers = GatewayWiring.exchangeObservers(properties, json);
            parts.add(observers);
            PersistedDocuments persisted = new PersistedDocuments(
                    binder.bindOrCreate("gateway.persisted-documents", PersistedDocumentsProperties.class)
                            .settings(json));
            List<HttpRoute> routes =
                    new ArrayList<>(List.of(GatewayWiring.graphqlRoute(gateway, persisted, properties, json)));
            metrics.ifPresent(endpoint -> routes.add(endpoint.route()));
            routes.addAll(GatewayWiring.healthRoutes(gateway, client, guarded, List.of(), List.of(), json));
            routes.addAll(GraphiqlRoutes.all(json).routes());
            // no catalog, so no stored keys: those of security.api-keys
            ApiKeys keys = SecurityWiring.apiKeys(security, List::of, false, clock);
            parts.add(keys);
            // as in the Spring application: forged requests are refused first, then the caller is authenticated, then
            // the gateway's own checks (require_authentication) run
            List<EdgeCheck> checks = new ArrayList<>(List.of(
                    GatewayWiring.csrfCheck(properties, json),
                    SecurityWiring.authentication(security, keys, workers, audit, json, clock),
                    GatewayWiring.rateLimits(properties, json)));
            checks.addAll(GatewayWiring.authorizationChecks(properties, json));
            GatewayServer server = new GatewayServer(
                    GatewayWiring.bindAddress(
                            environment.getProperty("server.address", ""),
                            environment.getProperty("server.port", Integer.class, 8080)),
                    routes,
                    checks,
                    transport,
                    workers,
                    json,
                    properties.serverOptions(),
                    observers.listeners());
            LOG.info(
                    "Gateway ready in {} ms: {} subgraphs, GraphQL on port {}",
                    ManagementFactory.getRuntimeMXBean().getUptime(),
                    gateway.supergraph().subgraphs().size(),
                    server.port());
            return new PlainGateway(parts, server);
        } catch (RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** The port it serves on. */
    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", parts.get(i), e);
            }
        }
    }

    /** Spring Boot's logging defaults, and {@code logging.level.<logger>=<level>} as it applies them. */
    private static void configureLogging(ConfigurableEnvironment environment) {
        LoggingSystem logging = LoggingSystem.get(PlainGateway.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        Binder.get(environment)
                .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .orElse(Map.of())
                .forEach((logger, level) -> logging.setLogLevel(
                        logger.equalsIgnoreCase(LoggingSystem.ROOT_LOGGER_NAME) ? null : logger, level));
    }

    private static List<PropertySource<?>> load(Resource resource, String extension) {
        PropertySourceLoader loader =
                extension.equals("properties") ? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
        try {
            return loader.load(resource.getDescription(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
