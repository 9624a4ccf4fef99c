package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.NettyTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the {@link GatewayServer} once every bean is ready, and stops it first on shutdown. The port it
 * got is published as {@code local.server.port}, as Spring Boot does for its own servers, for tests and
 * for {@code --server.port=0}.
 */
final class ServerLifecycle implements SmartLifecycle {

    static final String PORT_PROPERTY = "local.server.port";

    private final InetSocketAddress address;
    private final List<HttpRoute> routes;
    private final List<EdgeCheck> checks;
    private final NettyTransport transport;
    private final ExecutorService workers;
    private final JsonMapper json;
    private final GatewayServer.Options options;
    private final ConfigurableEnvironment environment;
    private final List<ExchangeListener> listeners;
    private volatile @Nullable GatewayServer server;

    ServerLifecycle(
            InetSocketAddress address,
            List<HttpRoute> routes,
            List<EdgeCheck> checks,
            NettyTransport transport,
            ExecutorService workers,
            JsonMapper json,
            GatewayServer.Options options,
            ConfigurableEnvironment environment,
            List<ExchangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.address = address;
        this.routes = List.copyOf(routes);
        this.checks = List.copyOf(checks);
        this.transport = transport;
        this.workers = workers;
        this.json = json;
        this.options = options;
        this.environment = environment;
    }

    @Override
    public void start() {
        GatewayServer started =
                new GatewayServer(address, routes, checks, transport, workers, json, options, listeners);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("gateway-server-port", Map.of(PORT_PROPERTY, started.port())));
        server = started;
    }

    @Override
    public void stop() {
        GatewayServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Last to start, first to stop, as a web server is. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
