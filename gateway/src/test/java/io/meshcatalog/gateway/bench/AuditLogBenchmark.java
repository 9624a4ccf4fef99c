package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditSettings;
import io.meshcatalog.gateway.audit.AuditVerifier;
import io.meshcatalog.gateway.audit.FileAuditLog;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged appends per second to the file audit log with 1 and with 16 appenders, each waiting for its
 * acknowledgement (its line forced to disk) before the next append, as a write waits before it answers. With one
 * appender every append costs one {@code fsync}; with 16 the writer forces whatever queued meanwhile together (group
 * commit). Each appender's latency is recorded too. Not part of {@code mvn verify} (see gateway/BENCHMARKS.md):
 * <pre>
 * mvn -B -pl gateway -am test -Dtest=AuditLogBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * System properties: {@code bench.dir} (default {@code target/audit-bench}: the disk the log would be on, not
 * {@code /tmp}, which may be memory), {@code bench.seconds} (10 per round), {@code bench.warmup} (5),
 * {@code bench.rounds} (3, alternating 1 and 16 appenders).
 */
class AuditLogBenchmark {

    @Test
    void acknowledgedAppendsPerSecondWithOneAndSixteenAppenders() throws Exception {
        Path dir =
                Path.of(System.getProperty("bench.dir", "target/audit-bench")).resolve("run-" + System.nanoTime());
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Files.createDirectories(dir);
        System.out.printf(
                Locale.ROOT,
                "audit log benchmark: %s (%s), %d cores, load average %.2f, %s%n",
                dir.toAbsolutePath(),
                Files.getFileStore(dir).type(),
                os.getAvailableProcessors(),
                os.getSystemLoadAverage(),
                Runtime.version());
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            run(log, 16, warmup);
            for (int round = 1; round <= rounds; round++) {
                for (int appenders : new int[] {1, 16}) {
                    Result result = run(log, appenders, seconds);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d, %2d appenders: %,9d appends in %d s = %,8.0f appends/s; "
                                    + "latency p50 %.2f ms, p99 %.2f ms%n",
                            round,
                            appenders,
                            result.appends(),
                            seconds,
                            result.appends() / (double) seconds,
                            result.percentile(0.50),
                            result.percentile(0.99));
                }
            }
        }
        if (!(AuditVerifier.verify(dir, null) instanceof AuditVerifier.Intact)) {
            throw new AssertionError("the benchmark's log does not verify: " + AuditVerifier.verify(dir, null));
        }
    }

    /** Appends and latencies (ns) of {@code appenders} threads over {@code seconds}. */
    private record Result(long appends, long[] latencies) {

        double percentile(double p) {
            return latencies.length == 0
                    ? 0
                    : latencies[(int) Math.min(latencies.length - 1, p * latencies.length)] / 1e6;
        }
    }

    private static Result run(FileAuditLog log, int appenders, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[appenders];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < appenders; t++) {
            int index = t;
            long[] latencies = new long[200_000];
            samples.add(latencies);
            threads.add(new Thread(
                    () -> {
                        int n = 0;
                        while (!stop.get()) {
                            long started = System.nanoTime();
                            log.append(new AuditEvent(
                                            Instant.now(),
                                            AuditKind.LINEAGE_INGESTED,
                                            "bench-" + index,
                                            "10.0.0." + index,
                                            "orders.orders",
                                            AuditEvent.SUCCESS,
                                            Map.of("inputs", 2, "outputs", 1, "run", "r" + n)))
                                    .join();
                            if (n < latencies.length) {
                                latencies[n] = System.nanoTime() - started;
                            }
                            n++;
                        }
                        counts[index] = n;
                    },
                    "bench-appender-" + t));
        }
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(Integer.MAX_VALUE, total)];
        int at = 0;
        for (int t = 0; t < appenders; t++) {
            int kept = (int) Math.min(counts[t], samples.get(t).length);
            System.arraycopy(samples.get(t), 0, all, at, kept);
            at += kept;
        }
        long[] sorted = Arrays.copyOf(all, at);
        Arrays.sort(sorted);
        return new Result(total, sorted);
    }
}
