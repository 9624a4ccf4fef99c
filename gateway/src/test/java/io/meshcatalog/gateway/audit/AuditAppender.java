package io.meshcatalog.gateway.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link AuditLogKillIT}: appends events from 16 threads to the log in {@code args[0]} (files of
 * {@code args[1]} bytes) and prints {@code ack <n>} once event {@code n} is acknowledged, until it is killed.
 */
public final class AuditAppender {

    private AuditAppender() {}

    public static void main(String[] args) throws InterruptedException {
        FileAuditLog log = FileAuditLog.open(new AuditSettings(Path.of(args[0]), Long.parseLong(args[1]), 64));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(
                    () -> {
                        while (true) {
                            long n = next.incrementAndGet();
                            log.append(new AuditEvent(
                                            Instant.now(),
                                            AuditKind.LINEAGE_INGESTED,
                                            "appender",
                                            "127.0.0.1",
                                            "t" + n,
                                            AuditEvent.SUCCESS,
                                            Map.of("n", n, "padding", "x".repeat((int) (n % 200)))))
                                    .join();
                            synchronized (out) {
                                out.println("ack " + n);
                                out.flush();
                            }
                        }
                    },
                    "appender-" + t);
            thread.start();
        }
        Thread.currentThread().join();
    }
}
