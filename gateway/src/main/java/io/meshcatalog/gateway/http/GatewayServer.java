package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.observability.Tracing;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's HTTP server: HTTP/1.1 on Netty, on the same event loops as the subgraph connections, so a
 * request, its fetches and its answer usually run on one thread with no hand-off. Requests are read whole
 * (up to {@link Options#maxRequestBytes}), routed by path to an {@link HttpRoute}, answered in order on each
 * connection (pipelined requests wait their turn), gzip-compressed for clients that accept it. Idle
 * keep-alive connections close after {@link Options#idleTimeout}; a connection with a request in flight
 * never does.
 */
public final class GatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    /**
     * @param maxRequestBytes the largest request body; a larger one gets 413
     * @param idleTimeout how long a keep-alive connection may wait for its next request
     * @param compressAbove the smallest answer worth compressing, in bytes
     * @param shutdownGrace how long a stop waits for the requests in flight to be answered
     */
    public record Options(int maxRequestBytes, Duration idleTimeout, int compressAbove, Duration shutdownGrace) {

        public static final Options DEFAULTS =
                new Options(2 << 20, Duration.ofSeconds(60), 1024, Duration.ofSeconds(20));
    }

    private final Routes routes;
    private final List<EdgeCheck> checks;
    private final NettyTransport transport;
    private final ExecutorService workers;
    private final JsonMapper json;
    private final Options options;
    private final List<ExchangeListener> listeners;
    private final Channel listening;
    private final InFlightExchanges inFlight = new InFlightExchanges();

    /**
     * Binds and starts serving.
     *
     * @param address where to listen (port 0: a free one, see {@link #port()})
     * @param checks what every request passes before its route runs, in order
     * @param workers where blocking routes run
     * @param listeners told of every answered request (metrics, the access log)
     * @throws IllegalStateException when the address cannot be bound, saying why
     */
    public GatewayServer(
            InetSocketAddress address,
            List<HttpRoute> routes,
            List<EdgeCheck> checks,
            NettyTransport transport,
            ExecutorService workers,
            JsonMapper json,
            Options options,
            List<ExchangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.routes = new Routes(routes);
        this.checks = List.copyOf(checks);
        this.transport = transport;
        this.workers = workers;
        this.json = json;
        this.options = options;
        boolean epoll = transport.channelType() == EpollSocketChannel.class;
        try {
            this.listening = new ServerBootstrap()
                    .group(transport.group())
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline()
                                    .addLast(
                                            new IdleStateHandler(
                                                    0, 0, options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                            new HttpServerCodec(RequestSizeLimit.decoding(options.maxRequestBytes())),
                                            new HttpContentCompressor(
                                                    options.compressAbove(),
                                                    StandardCompressionOptions.gzip(),
                                                    StandardCompressionOptions.deflate()),
                                            new HttpServerKeepAliveHandler(),
                                            new RequestSizeLimit(options.maxRequestBytes(), json),
                                            new Dispatcher());
                        }
                    })
                    .bind(address)
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) {
            if (isBindFailure(e)) {
                throw new IllegalStateException(
                        "cannot listen on " + describe(address) + ": " + e.getMessage()
                                + " (is another process using the port? choose one with --server.port)",
                        e);
            }
            throw new IllegalStateException("cannot listen on " + describe(address) + ": " + e, e);
        }
        LOG.info("Serving HTTP on {}", describe((InetSocketAddress) listening.localAddress()));
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /**
     * Stops gracefully: no new connection is accepted, the requests in flight are answered (for at most
     * {@link Options#shutdownGrace}), each answer from now on closing its connection; open connections end with the
     * transport.
     */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        long started = System.nanoTime();
        int left = inFlight.drain(options.shutdownGrace());
        if (left > 0) {
            LOG.warn(
                    "Stopped serving with {} requests still unanswered after gateway.http.shutdown-grace ({})",
                    left,
                    options.shutdownGrace());
        } else {
            LOG.info(
                    "Stopped serving: every request in flight was answered ({} ms)",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Netty rethrows the socket's failure as it is (NIO) or as its own native exception (epoll). */
    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(InetSocketAddress address) {
        return (address.isUnresolved()
                        ? address.getHostString()
                        : address.getAddress().getHostAddress()) + ":" + address.getPort();
    }

    /**
     * What the server learns of one request while answering it: its span (under the client's {@code traceparent}), ended
     * with the answer, which the listeners are then told of.
     */
    private final class Observed {

        private final Instant at = Instant.now();
        private final long started = System.nanoTime();
        private final Span span;
        private String route = Exchange.UNROUTED;
        private Caller caller = Caller.ANONYMOUS;

        Observed(HttpCall call) {
            this.span = Tracing.server(call.method(), call.headers());
            span.setAttribute("http.request.method", call.method());
            span.setAttribute("url.path", call.path());
            span.setAttribute("client.address", call.source());
        }

        /** The call, with this request's span as its trace context. */
        HttpCall traced(HttpCall call) {
            return call.within(Context.root().with(span));
        }

        void tell(HttpCall call, HttpAnswer answer) {
            if (!route.equals(Exchange.UNROUTED)) {
                span.updateName(call.method() + " " + route);
                span.setAttribute("http.route", route);
            }
            span.setAttribute("http.response.status_code", answer.status());
            if (answer.status() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            if (listeners.isEmpty()) {
                return;
            }
            Exchange exchange = new Exchange(
                    at,
                    call.method(),
                    call.path(),
                    route,
                    answer.status(),
                    System.nanoTime() - started,
                    caller,
                    call.source(),
                    call.body().length,
                    answer.body().length,
                    answer.operation(),
                    Tracing.traceId(span));
            for (ExchangeListener listener : listeners) {
                try {
                    listener.answered(exchange);
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on a request to {}", listener, call.path(), e);
                }
            }
        }
    }

    /** One per connection: routes each request and writes the answers in the order the requests came. */
    private final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Deque<FullHttpRequest> waiting = new ArrayDeque<>();
        private boolean busy;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (busy) {
                // pipelined: answered after the one in flight; reading stops until then
                waiting.add(request.retain());
                ctx.channel().config().setAutoRead(false);
                return;
            }
            serve(ctx, request);
        }

        private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
            busy = true;
            inFlight.started();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            boolean head = request.method().equals(HttpMethod.HEAD);
            io.netty.channel.Channel channel = ctx.channel();
            HttpCall read = call(request, channel.remoteAddress(), () -> !channel.isActive());
            Observed observed = new Observed(read);
            HttpCall call = observed.traced(read);
            if (request.decoderResult().isFailure()) {
                HttpAnswer refused =
                        RequestSizeLimit.undecodable(request.decoderResult().cause(), options.maxRequestBytes(), json);
                observed.tell(call, refused);
                respond(ctx, refused, false, false);
                return;
            }
            answer(call, observed).whenComplete((answer, failure) -> {
                HttpAnswer out = answer != null ? answer : failed(call, failure);
                observed.tell(call, out);
                if (ctx.executor().inEventLoop()) {
                    respond(ctx, out, keepAlive, head);
                } else {
                    ctx.executor().execute(() -> respond(ctx, out, keepAlive, head));
                }
            });
        }

        private CompletableFuture<HttpAnswer> answer(HttpCall call, Observed observed) {
            Routes.Match match = routes.match(call.method(), call.path());
            if (match instanceof Routes.WrongMethod wrong) {
                return CompletableFuture.completedFuture(HttpAnswer.error(
                                405,
                                call.method() + " is not served at " + call.path() + "; use "
                                        + String.join(" or ", wrong.allowed()),
                                json)
                        .withHeader("Allow", String.join(", ", wrong.allowed())));
            }
            if (!(match instanceof Routes.Found found)) {
                return CompletableFuture.completedFuture(
                        HttpAnswer.error(404, "nothing is served at " + call.path(), json));
            }
            HttpRoute route = found.route();
            observed.route = route.path();
            return admit(route, call, 0).thenCompose(admission -> {
                if (admission instanceof EdgeCheck.Admitted admitted) {
                    observed.caller = admitted.call().caller();
                    return run(route, admitted.call());
                }
                return CompletableFuture.completedFuture(((EdgeCheck.Refused) admission).answer());
            });
        }

        /** The edge checks from {@code next} on, in order; the first refusal stops them. */
        private CompletableFuture<EdgeCheck.Admission> admit(HttpRoute route, HttpCall call, int next) {
            if (next == checks.size()) {
                return CompletableFuture.completedFuture(new EdgeCheck.Admitted(call));
            }
            CompletableFuture<EdgeCheck.Admission> admission;
            try {
                admission = checks.get(next).admit(route, call);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return admission.thenCompose(decided -> decided instanceof EdgeCheck.Admitted admitted
                    ? admit(route, admitted.call(), next + 1)
                    : CompletableFuture.completedFuture(decided));
        }

        private CompletableFuture<HttpAnswer> run(HttpRoute route, HttpCall call) {
            try {
                if (!route.blocking()) {
                    return route.handler().handle(call);
                }
                return CompletableFuture.supplyAsync(() -> route.handler().handle(call), workers)
                        .thenCompose(future -> future);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(HttpAnswer.error(
                        503, "the gateway is too busy to serve " + call.path() + " now; try again shortly", json));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private HttpAnswer failed(HttpCall call, @Nullable Throwable failure) {
            return FailureAnswer.of(call.method(), call.path(), failure, json);
        }

        private void respond(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive, boolean head) {
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            answer.headers().forEach((name, value) -> response.headers().set(name, value));
            // while stopping, the client's next request goes to a new connection: to another instance
            boolean open = keepAlive && !inFlight.draining();
            HttpUtil.setKeepAlive(response, open);
            ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
                busy = false;
                inFlight.finished();
                if (!written.isSuccess() || !open) {
                    ctx.close();
                    return;
                }
                FullHttpRequest next = waiting.poll();
                if (next == null) {
                    ctx.channel().config().setAutoRead(true);
                    return;
                }
                try {
                    serve(ctx, next);
                } finally {
                    next.release();
                }
            });
        }

        private HttpCall call(
                FullHttpRequest request, java.net.SocketAddress remote, java.util.function.BooleanSupplier clientGone) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers()
                    .forEach(header -> headers.merge(
                            header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b));
            String method = request.method().equals(HttpMethod.HEAD)
                    ? "GET"
                    : request.method().name();
            String source = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress()
                    : String.valueOf(remote);
            return new HttpCall(
                    method,
                    uri.path(),
                    uri.parameters(),
                    headers,
                    ByteBufUtil.getBytes(request.content()),
                    source,
                    Caller.ANONYMOUS,
                    clientGone,
                    Context.root());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent && !busy) {
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            FullHttpRequest left;
            while ((left = waiting.poll()) != null) {
                left.release();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
