package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.observability.Tracing;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP/1.1 to subgraphs on Netty: keep-alive connections pooled per origin ({@code http} and
 * {@code https}), one request at a time on a connection, answers parsed on the connection's event loop and
 * the future completed there, so the executor merges a fetch without a thread hop. A query sent on a reused
 * connection that the subgraph had closed meanwhile is sent once more on a new connection; a mutation never
 * is (it may have run). The transport (event loops) is injected and outlives the client.
 */
public final class NettySubgraphClient implements SubgraphClient, AutoCloseable {

    /** Tunables of the connections; the defaults suit subgraphs on a local network. */
    public record Options(Duration connectTimeout, Duration idleTimeout, int maxIdlePerOrigin, int maxResponseBytes) {

        public static final Options DEFAULTS =
                new Options(Duration.ofSeconds(5), Duration.ofSeconds(30), 256, 64 << 20);
    }

    private static final String ACCEPT = "application/graphql-response+json, application/json";

    private final NettyTransport transport;
    private final JsonMapper json;
    private final Options options;
    private final CallerHeaders callerHeaders;
    private final ConcurrentMap<String, Target> targets = new ConcurrentHashMap<>();
    private final ConcurrentMap<PoolKey, Pool> pools = new ConcurrentHashMap<>();
    private volatile @Nullable SslContext ssl;

    public NettySubgraphClient(NettyTransport transport, JsonMapper json, Options options) {
        this(transport, json, options, CallerHeaders.NONE);
    }

    /** @param callerHeaders added to every fetch for its caller, over the configured and forwarded headers */
    public NettySubgraphClient(
            NettyTransport transport, JsonMapper json, Options options, CallerHeaders callerHeaders) {
        this.transport = transport;
        this.json = json;
        this.options = options;
        this.callerHeaders = callerHeaders;
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        Target target;
        byte[] body;
        try {
            target = targets.computeIfAbsent(request.url(), Target::parse);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("query", request.query());
            payload.put("variables", request.variables());
            body = json.writeValueAsBytes(payload);
        } catch (IllegalArgumentException | JacksonException e) {
            return CompletableFuture.failedFuture(new SubgraphFetchException(
                    "cannot build a request to " + request.url() + ": " + e.getMessage(), e));
        }
        Exchange exchange = new Exchange(request, target, body);
        exchange.start();
        return exchange.result;
    }

    /** Closes the pooled connections; the transport belongs to whoever made it. */
    @Override
    public void close() {
        pools.values().forEach(Pool::close);
        pools.clear();
    }

    /**
     * The pool of {@code origin} on {@code loop}: connections live on one event loop each, and a fetch made on
     * an event loop (a dependent fetch, started by the answer of the one before) stays on it.
     */
    private Pool pool(Origin origin, EventLoop loop) {
        return pools.computeIfAbsent(new PoolKey(origin, loop), key -> new Pool(key.origin(), key.loop()));
    }

    /** The caller's event loop; for another thread, a loop with an idle connection to the origin, else the next. */
    private EventLoop loop(Origin origin) {
        EventLoop withIdle = null;
        for (EventExecutor executor : transport.group()) {
            if (executor.inEventLoop()) {
                return (EventLoop) executor;
            }
            Pool pool = withIdle == null ? pools.get(new PoolKey(origin, (EventLoop) executor)) : null;
            if (pool != null && pool.hasIdle()) {
                withIdle = (EventLoop) executor;
            }
        }
        return withIdle != null ? withIdle : transport.group().next();
    }

    private record PoolKey(Origin origin, EventLoop loop) {}

    private SslContext ssl() throws SSLException {
        SslContext context = ssl;
        if (context == null) {
            synchronized (this) {
                context = ssl;
                if (context == null) {
                    context = SslContextBuilder.forClient()
                            .endpointIdentificationAlgorithm("HTTPS")
                            .build();
                    ssl = context;
                }
            }
        }
        return context;
    }

    /** Scheme, host and port: connections are shared per origin. */
    private record Origin(boolean secure, String host, int port) {

        String authority() {
            return host + ":" + port;
        }
    }

    /** A parsed subgraph URL. */
    private record Target(Origin origin, String hostHeader, String pathAndQuery) {

        static Target parse(String url) {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("only http and https URLs are supported");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("the URL has no host");
            }
            boolean secure = scheme.equals("https");
            int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String hostHeader = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return new Target(new Origin(secure, uri.getHost(), port), hostHeader, path + query);
        }
    }

    /** One fetch: its attempts, its deadline, its answer. */
    private final class Exchange {

        final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        final SubgraphRequest request;
        final Target target;
        final byte[] body;
        final long timeoutMillis;
        final Pool pool;
        private @Nullable ScheduledFuture<?> timer;
        private volatile @Nullable Channel channel;

        Exchange(SubgraphRequest request, Target target, byte[] body) {
            this.request = request;
            this.target = target;
            this.body = body;
            this.timeoutMillis = request.settings().timeout().toMillis();
            this.pool = pool(target.origin(), loop(target.origin()));
        }

        void start() {
            timer = pool.loop.schedule(this::timedOut, timeoutMillis, TimeUnit.MILLISECONDS);
            send(true);
        }

        /** @param mayRetry whether a closed reused connection may be replaced once */
        void send(boolean mayRetry) {
            pool.acquire(!mayRetry).whenComplete((lease, failure) -> {
                if (failure != null) {
                    fail(new SubgraphFetchException(
                            "cannot connect to " + target.origin().authority() + ": " + describe(failure),
                            failure,
                            true));
                    return;
                }
                Channel ch = lease.channel();
                if (result.isDone()) {
                    // timed out while connecting: the connection is still good for someone else
                    pool.release(ch);
                    return;
                }
                channel = ch;
                boolean retryIfClosed = lease.reused() && mayRetry && !request.mutation();
                // On the connection's event loop, so that a close in between is seen by one side only.
                if (ch.eventLoop().inEventLoop()) {
                    write(ch, retryIfClosed);
                } else {
                    ch.eventLoop().execute(() -> write(ch, retryIfClosed));
                }
            });
        }

        private void write(Channel ch, boolean retryIfClosed) {
            if (!ch.isActive()) {
                closedBeforeAnswer(retryIfClosed);
                return;
            }
            ch.pipeline().get(AnswerHandler.class).begin(this, retryIfClosed);
            ch.writeAndFlush(httpRequest()).addListener((ChannelFutureListener) written -> {
                if (!written.isSuccess()) {
                    // the handler's channelInactive settles the exchange
                    ch.close();
                }
            });
        }

        private FullHttpRequest httpRequest() {
            FullHttpRequest http = new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1, HttpMethod.POST, target.pathAndQuery(), Unpooled.wrappedBuffer(body));
            http.headers()
                    .set(HttpHeaderNames.HOST, target.hostHeader())
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .set(HttpHeaderNames.ACCEPT, ACCEPT)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            request.settings()
                    .headersFor(request.context())
                    .forEach((name, value) -> http.headers().set(name, value));
            callerHeaders
                    .headersFor(request.context())
                    .forEach((name, value) -> http.headers().set(name, value));
            Tracing.inject(request.context().trace())
                    .forEach((name, value) -> http.headers().set(name, value));
            return http;
        }

        void answered(FullHttpResponse response) {
            ObservedSubgraphClient.received(
                    request.subgraph(), response.content().readableBytes());
            Map<String, Object> parsed;
            try {
                parsed = parse(response);
            } catch (SubgraphFetchException e) {
                fail(e);
                return;
            }
            cancelTimer();
            result.complete(parsed);
        }

        void closedBeforeAnswer(boolean retry) {
            if (retry && !result.isDone()) {
                send(false);
            } else {
                fail(new SubgraphFetchException("the connection closed before the answer", true));
            }
        }

        private void timedOut() {
            if (fail(new SubgraphFetchException.TimedOut("timed out after " + timeoutMillis + " ms"))) {
                Channel ch = channel;
                if (ch != null) {
                    // an answer may still come on it: nobody else can use it
                    ch.close();
                }
            }
        }

        void fail(String what, @Nullable Throwable cause) {
            fail(cause == null ? new SubgraphFetchException(what) : new SubgraphFetchException(what, cause));
        }

        private boolean fail(SubgraphFetchException failure) {
            cancelTimer();
            return result.completeExceptionally(failure);
        }

        private void cancelTimer() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }

        private Map<String, Object> parse(FullHttpResponse response) {
            int status = response.status().code();
            Object parsed;
            try (java.io.InputStream in = new ByteBufInputStream(response.content())) {
                parsed = json.readValue(in, Object.class);
            } catch (JacksonException | IOException e) {
                throw new SubgraphFetchException(
                        "HTTP " + status + " with a body that is not JSON", isGatewayError(status));
            }
            if (!(parsed instanceof Map<?, ?> map) || !(map.containsKey("data") || map.containsKey("errors"))) {
                throw new SubgraphFetchException(
                        "HTTP " + status + " with a body that is not a GraphQL response", isGatewayError(status));
            }
            if (status / 100 != 2 && !map.containsKey("errors")) {
                throw new SubgraphFetchException("HTTP " + status, isGatewayError(status));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) map;
            return answer;
        }
    }

    /** 502, 503, 504: the subgraph or a proxy before it could not answer now; another try may be answered. */
    private static boolean isGatewayError(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A connection taken from a pool, and whether it served earlier requests. */
    private record Lease(Channel channel, boolean reused) {}

    /** Idle keep-alive connections to one origin, most recently used first. */
    private final class Pool {

        private final Origin origin;
        private final EventLoop loop;
        private final Deque<Channel> idle = new ConcurrentLinkedDeque<>();
        private final Bootstrap bootstrap;

        Pool(Origin origin, EventLoop loop) {
            this.origin = origin;
            this.loop = loop;
            this.bootstrap = new Bootstrap()
                    .group(loop)
                    .channel(transport.channelType())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                            options.connectTimeout().toMillis())
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) throws SSLException {
                            ChannelPipeline pipeline = ch.pipeline();
                            if (origin.secure()) {
                                pipeline.addLast(ssl().newHandler(ch.alloc(), origin.host(), origin.port()));
                            }
                            pipeline.addLast(new HttpClientCodec());
                            pipeline.addLast(new HttpObjectAggregator(options.maxResponseBytes()));
                            pipeline.addLast(new IdleStateHandler(
                                    0, 0, options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
                            pipeline.addLast(new AnswerHandler(Pool.this, options.maxResponseBytes()));
                        }
                    });
        }

        CompletableFuture<Lease> acquire(boolean fresh) {
            if (!fresh) {
                Channel ch;
                while ((ch = idle.pollFirst()) != null) {
                    if (ch.isActive()) {
                        return CompletableFuture.completedFuture(new Lease(ch, true));
                    }
                }
            }
            CompletableFuture<Lease> leased = new CompletableFuture<>();
            bootstrap.connect(origin.host(), origin.port()).addListener((ChannelFutureListener) connected -> {
                if (connected.isSuccess()) {
                    leased.complete(new Lease(connected.channel(), false));
                } else {
                    leased.completeExceptionally(connected.cause());
                }
            });
            return leased;
        }

        void release(Channel ch) {
            if (ch.isActive() && idle.size() < options.maxIdlePerOrigin()) {
                idle.offerFirst(ch);
            } else {
                ch.close();
            }
        }

        boolean hasIdle() {
            return !idle.isEmpty();
        }

        void forget(Channel ch) {
            idle.remove(ch);
        }

        void close() {
            Channel ch;
            while ((ch = idle.pollFirst()) != null) {
                ch.close();
            }
        }
    }

    /** The last handler of a connection: hands the answer to the exchange in flight and the connection back. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final Pool pool;
        private final int maxResponseBytes;
        private @Nullable Exchange current;
        private boolean mayRetry;

        AnswerHandler(Pool pool, int maxResponseBytes) {
            this.pool = pool;
            this.maxResponseBytes = maxResponseBytes;
        }

        void begin(Exchange exchange, boolean retryIfClosed) {
            this.current = exchange;
            this.mayRetry = retryIfClosed;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Exchange exchange = current;
            current = null;
            if (exchange == null) {
                // an answer nobody waits for (its fetch timed out): the connection's state is unknown
                ctx.close();
                return;
            }
            if (HttpUtil.isKeepAlive(response) && !exchange.result.isDone()) {
                pool.release(ctx.channel());
            } else {
                ctx.close();
            }
            exchange.answered(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pool.forget(ctx.channel());
            Exchange exchange = current;
            current = null;
            if (exchange != null) {
                exchange.closedBeforeAnswer(mayRetry);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent && current == null) {
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange exchange = current;
            current = null;
            if (exchange != null) {
                exchange.fail(
                        cause instanceof TooLongFrameException
                                ? "the answer is larger than " + maxResponseBytes + " bytes"
                                : describe(cause),
                        cause);
            }
            ctx.close();
        }
    }
}
