package io.meshcatalog.gateway.execution;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops that carry subgraph connections: native epoll where the platform has it, Java NIO
 * elsewhere. One per gateway, shared by every client made on it, closed with the application.
 *
 * @param group the event loops
 * @param channelType the socket channel class that fits them
 */
public record NettyTransport(EventLoopGroup group, Class<? extends Channel> channelType) implements AutoCloseable {

    /**
     * Event loops named {@code io-N}, {@code threads} of them (0: one per core: a request rarely leaves its loop,
     * so more loops than cores only add wake-ups).
     */
    public static NettyTransport create(int threads) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int loops = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("io", true), io);
        return new NettyTransport(group, epoll ? EpollSocketChannel.class : NioSocketChannel.class);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
