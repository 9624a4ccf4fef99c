package io.meshcatalog.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each request whole, up to {@code gateway.http.max-request-size}; a larger body (by its {@code Content-Length},
 * before it is read, or as it arrives) is answered 413 with a body that names the limit and the setting; the rest of
 * the body is never held in memory. Netty's own answer has an empty body, which tells a client nothing.
 */
final class RequestSizeLimit extends HttpObjectAggregator {

    static final String SETTING = "gateway.http.max-request-size";

    /** How long the rest of a refused body is read before the connection closes regardless. */
    static final long DRAIN_MILLIS = 10_000;

    private final byte[] refusal;
    private boolean draining;
    private boolean closeWhenDrained;

    RequestSizeLimit(int maxBytes, JsonMapper json) {
        super(maxBytes);
        this.refusal = HttpAnswer.error(
                        413,
                        "the request body is larger than " + SETTING + " (" + maxBytes
                                + " bytes); nothing was read or stored",
                        json)
                .body();
    }

    /**
     * Answers 413 at once, and then reads the rest of the body, dropping it (the aggregator holds none of it), before the
     * connection closes: closing while a client still sends makes the kernel answer its next bytes with a reset, which
     * discards the 413 unread (Netty's own handler closes so for a body that overflows while it arrives). A keep-alive
     * request keeps its connection once its body has ended; another closes then. A body still arriving
     * {@value #DRAIN_MILLIS} ms after the refusal is not waited for.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) || HttpUtil.is100ContinueExpected(oversized);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(refusal));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpAnswer.JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, refusal.length);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        draining = true;
        closeWhenDrained = !keepAlive;
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.executor()
                .schedule(
                        () -> {
                            if (draining) {
                                ctx.close();
                            }
                        },
                        DRAIN_MILLIS,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        boolean last = msg instanceof LastHttpContent;
        super.channelRead(ctx, msg);
        if (draining && last) {
            draining = false;
            if (closeWhenDrained) {
                ctx.close();
            }
        }
    }

    /**
     * The answer to a request Netty could not decode: a request line (a GraphQL GET's query string) above the limit is
     * refused as a body would be, 413 naming the setting; headers above Netty's 8 KB get 431; anything else 400.
     */
    static HttpAnswer undecodable(Throwable cause, int maxBytes, JsonMapper json) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpAnswer.error(
                    413,
                    "the request line (a GET's query string) is larger than " + SETTING + " (" + lineLimit(maxBytes)
                            + " bytes for a request line); send the operation in a POST body",
                    json);
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpAnswer.error(431, "the request headers are larger than 8192 bytes", json);
        }
        return HttpAnswer.error(400, "malformed HTTP request: " + cause.getMessage(), json);
    }

    /** The decoder bounds the request line by the same setting as the body (Netty's default, 4 KB, at least). */
    static HttpDecoderConfig decoding(int maxBytes) {
        return new HttpDecoderConfig().setMaxInitialLineLength(lineLimit(maxBytes));
    }

    private static int lineLimit(int maxBytes) {
        return Math.max(4096, maxBytes);
    }
}
