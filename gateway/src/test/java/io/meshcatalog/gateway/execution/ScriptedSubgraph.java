package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.support.GatewayCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A subgraph on a real socket whose every answer is scripted: good ones, and each way a subgraph can fail. */
final class ScriptedSubgraph {

    static final String ANSWER = "{\"data\":{\"ok\":true}}";

    private ScriptedSubgraph() {}

    /** What the scripted server does with one request. */
    enum Reply {
        ANSWER,
        CLOSE,
        NEVER,
        NOT_JSON,
        TRUNCATED,
        HUGE,
        WRONG_TYPES
    }

    /** Chooses the reply by connection number and request number on that connection, both from 0. */
    @FunctionalInterface
    interface Script {
        Reply reply(int connection, int request);
    }

    /** A minimal HTTP/1.1 server: Content-Length bodies, keep-alive, one thread per connection. */
    static final class ScriptedServer implements AutoCloseable {

        private final ServerSocket socket;
        private final java.util.concurrent.atomic.AtomicReference<Script> script;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> queries = new CopyOnWriteArrayList<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;
        private volatile boolean closed;

        ScriptedServer(Script script) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.script = new java.util.concurrent.atomic.AtomicReference<>(script);
            acceptor = new Thread(this::accept, "scripted-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/graphql";
        }

        /** From now on, replies by {@code next}. */
        void script(Script next) {
            script.set(next);
        }

        int connections() {
            return connections.get();
        }

        List<String> requests() {
            return queries;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    if (closed) {
                        // accepted while closing: nobody is served after close() returns
                        connection.close();
                        return;
                    }
                    open.add(connection);
                    int number = connections.getAndIncrement();
                    Thread serve = new Thread(() -> serve(connection, number), "scripted-" + number);
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket connection, int number) {
            try (connection;
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream()) {
                for (int request = 0; ; request++) {
                    String body = readRequest(in);
                    if (body == null) {
                        return;
                    }
                    queries.add(GatewayCalls.JSON.readTree(body).get("query").asString());
                    Script script = this.script.get();
                    switch (script.reply(number, request)) {
                        case CLOSE -> {
                            return;
                        }
                        case NEVER -> {
                            in.read();
                            return;
                        }
                        case NOT_JSON -> write(out, 502, "text/html", "<html>bad gateway</html>");
                        case ANSWER -> write(out, 200, "application/json", ANSWER);
                        case TRUNCATED -> write(out, 200, "application/json", ANSWER.substring(0, ANSWER.length() / 2));
                        case WRONG_TYPES -> write(out, 200, "application/json", "{\"data\":{\"ok\":[1,2]}}");
                        case HUGE -> {
                            // 100 MB announced and sent, a megabyte at a time
                            out.write(("HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: "
                                            + (100L << 20) + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            byte[] megabyte = new byte[1 << 20];
                            java.util.Arrays.fill(megabyte, (byte) ' ');
                            for (int i = 0; i < 100; i++) {
                                out.write(megabyte);
                            }
                            out.flush();
                        }
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring("content-length:".length()).strip());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private static void write(OutputStream out, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            socket.close();
            try {
                // A thread blocked in accept() keeps the socket listening until it returns: wait for it, so that a
                // connection after close() is refused.
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Socket connection : open) {
                connection.close();
            }
        }
    }
}
