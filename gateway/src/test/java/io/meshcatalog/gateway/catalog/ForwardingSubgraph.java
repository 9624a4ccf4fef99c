package io.meshcatalog.gateway.catalog;

import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.graph.access.CallerAssertion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A subgraph that passes every request on to a real one, and can be switched to pass them to another: a subgraph
 * that starts serving another domain than the one it was bound to, as a compromised or misconfigured one would.
 */
final class ForwardingSubgraph implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final AtomicReference<String> target;

    private ForwardingSubgraph(HttpServer server, AtomicReference<String> target) {
        this.server = server;
        this.target = target;
    }

    static ForwardingSubgraph to(String url) {
        AtomicReference<String> target = new AtomicReference<>(url);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/graphql", exchange -> {
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target.get()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                exchange.getRequestBody().readAllBytes()));
                String caller = exchange.getRequestHeaders().getFirst(CallerAssertion.HEADER);
                if (caller != null) {
                    forward.header(CallerAssertion.HEADER, caller);
                }
                byte[] body;
                try {
                    body = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray())
                            .body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new ForwardingSubgraph(server, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** From now on, every request goes to {@code url}. */
    void forwardTo(String url) {
        target.set(url);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
