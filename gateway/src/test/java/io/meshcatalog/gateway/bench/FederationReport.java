package io.meshcatalog.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FederationBenchmark} measured and its Markdown report: throughput and latency per target, the CPU
 * time each process spent per request, and the ratios the issues set targets for (gateway against direct, this
 * gateway against each peer, authentication on against off).
 */
final class FederationReport {

    /** Issue 11: with authentication on, at least 95% of the throughput without it. */
    static final double AUTHENTICATION_TARGET = 0.95;

    /** The authenticated targets and the anonymous one each is compared with. */
    private static final Map<String, String> AUTHENTICATED =
            Map.of("single-key", "single", "join-key", "join", "join-jwt", "join");

    /**
     * The peers, by target, with the throughput ratio the issues ask of this gateway against each: 5x Apollo Gateway
     * under concurrency (issue 4); 1.5x Hive Gateway with the Rust planner under concurrency and 2x with one client
     * (issue 16); none of Hive Gateway with its JavaScript planner, reported for the record. Each also with a lower p99.
     */
    private static final Map<String, Peer> PEERS = peers();

    /** A peer's name and targets; its target key is also the name of its process in {@code bench.processes}. */
    private record Peer(String name, double concurrentTarget, double singleClientTarget) {}

    private static Map<String, Peer> peers() {
        Map<String, Peer> peers = new LinkedHashMap<>();
        peers.put("apollo", new Peer("Apollo Gateway", 5, 0));
        peers.put("hive", new Peer("Hive Gateway", 0, 0));
        peers.put("hive-router", new Peer("Hive Gateway + router-runtime", 1.5, 2));
        return peers;
    }

    private FederationReport() {}

    private static void comparePeer(
            Result ours, Result theirs, String process, Peer peer, int concurrency, StringBuilder out) {
        double ratio = ours.throughput() / theirs.throughput();
        double target = concurrency == 1 ? peer.singleClientTarget() : peer.concurrentTarget();
        out.append(String.format(
                Locale.ROOT,
                "This gateway / %s throughput, join: %.2fx%s%n",
                peer.name(),
                ratio,
                target == 0
                        ? ""
                        : String.format(
                                Locale.ROOT, " (target >= %.1fx: %s)", target, ratio >= target ? "met" : "MISSED")));
        out.append(String.format(
                Locale.ROOT,
                "p99, join: %.2f ms here vs %.2f ms %s (target lower: %s)%n",
                ours.percentile(99),
                theirs.percentile(99),
                peer.name(),
                ours.percentile(99) < theirs.percentile(99) ? "met" : "MISSED"));
        if (ours.cpuTicks().containsKey("gateway-off") && theirs.cpuTicks().containsKey(process)) {
            out.append(String.format(
                    Locale.ROOT,
                    "Gateway process CPU per join: %.3f ms here vs %.3f ms %s%n",
                    ours.cpuMillisPerRequest("gateway-off"),
                    theirs.cpuMillisPerRequest(process),
                    peer.name()));
        }
    }

    static String table(Map<String, Result> results, int concurrency, Duration window, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Concurrency %d, closed loop, %d s measured per target in %d interleaved rounds.%n%n",
                concurrency,
                window.toSeconds(),
                rounds));
        out.append("| target | requests | errors | throughput | p50 | p95 | p99 |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f req/s | %.2f ms | %.2f ms | %.2f ms |%n",
                    r.name(),
                    r.ok(),
                    r.errors(),
                    r.throughput(),
                    r.percentile(50),
                    r.percentile(95),
                    r.percentile(99)));
        }
        out.append('\n');
        cpuTable(results, out);
        ratios(results, concurrency, out);
        return out.toString();
    }

    private static void cpuTable(Map<String, Result> results, StringBuilder out) {
        if (results.isEmpty() || results.values().iterator().next().cpuTicks().isEmpty()) {
            return;
        }
        List<String> names =
                List.copyOf(results.values().iterator().next().cpuTicks().keySet());
        out.append("CPU time per request, ms, from /proc/<pid>/stat over the same windows:\n\n| target |");
        names.forEach(name -> out.append(' ').append(name).append(" |"));
        out.append("\n|---|").append("---|".repeat(names.size())).append('\n');
        for (Result r : results.values()) {
            out.append("| ").append(r.name()).append(" |");
            names.forEach(name -> out.append(String.format(Locale.ROOT, " %.3f |", r.cpuMillisPerRequest(name))));
            out.append('\n');
        }
        out.append('\n');
    }

    private static void ratios(Map<String, Result> results, int concurrency, StringBuilder out) {
        Result direct = results.get("direct");
        Result single = results.get("single");
        if (direct != null && single != null) {
            double ratio = single.throughput() / direct.throughput();
            out.append(String.format(
                    Locale.ROOT,
                    "Gateway / direct throughput, single subgraph: %.2f (target >= 0.7: %s)%n",
                    ratio,
                    ratio >= 0.7 ? "met" : "MISSED"));
        }
        Result ours = results.get("join");
        Result apollo = results.get("apollo");
        if (ours != null) {
            PEERS.forEach((key, peer) -> {
                Result theirs = results.get(key);
                if (theirs != null) {
                    comparePeer(ours, theirs, key, peer, concurrency, out);
                }
            });
        }
        AUTHENTICATED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(pair -> {
            Result on = results.get(pair.getKey());
            Result off = results.get(pair.getValue());
            if (on != null && off != null) {
                double ratio = on.throughput() / off.throughput();
                out.append(String.format(
                        Locale.ROOT,
                        "Authentication on / off throughput, %s: %.3f (target >= %.2f: %s)%n",
                        on.name(),
                        ratio,
                        AUTHENTICATION_TARGET,
                        ratio >= AUTHENTICATION_TARGET ? "met" : "MISSED"));
            }
        });
        if (ours != null
                && ours.cpuTicks().containsKey("subgraphs")
                && ours.cpuTicks().containsKey("driver")) {
            // With a gateway that cost nothing, the subgraphs and the driver would still need this much CPU per join.
            double rest = ours.cpuMillisPerRequest("subgraphs") + ours.cpuMillisPerRequest("driver");
            int cores = Runtime.getRuntime().availableProcessors();
            out.append(String.format(
                    Locale.ROOT,
                    "Join ceiling for any gateway on these %d cores: the subgraphs and the driver alone "
                            + "spend %.3f ms of CPU per join, so at most %.0f joins/s%s%n",
                    cores,
                    rest,
                    cores * 1000 / rest,
                    apollo == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " = %.2fx Apollo Gateway",
                                    cores * 1000 / rest / apollo.throughput())));
        }
    }

    /** One target's answers over its measured windows (or its warm-up). */
    record Result(
            String name,
            long ok,
            long errors,
            double seconds,
            long[] sortedNanos,
            @Nullable String firstError,
            Map<String, Long> cpuTicks) {

        /** Clock ticks of /proc are hundredths of a second on Linux. */
        double cpuMillisPerRequest(String process) {
            return ok == 0 ? Double.NaN : cpuTicks.getOrDefault(process, 0L) * 10.0 / ok;
        }

        double throughput() {
            return ok / seconds;
        }

        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d ok, %d errors%s",
                    throughput(),
                    percentile(50),
                    percentile(95),
                    percentile(99),
                    ok,
                    errors,
                    firstError == null ? "" : " (first: " + firstError + ")");
        }

        Result plus(Result other) {
            long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
            System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
            Arrays.sort(all);
            Map<String, Long> cpu = new LinkedHashMap<>(cpuTicks);
            other.cpuTicks.forEach((process, ticks) -> cpu.merge(process, ticks, Long::sum));
            return new Result(
                    name,
                    ok + other.ok,
                    errors + other.errors,
                    seconds + other.seconds,
                    all,
                    firstError != null ? firstError : other.firstError,
                    cpu);
        }

        Result withWarmupErrors(long warmupErrors, @Nullable String warmupFirst) {
            return new Result(
                    name,
                    ok,
                    errors + warmupErrors,
                    seconds,
                    sortedNanos,
                    firstError != null ? firstError : warmupFirst,
                    cpuTicks);
        }
    }

    /** A process whose CPU time the benchmark reads, by name and pid. */
    record ProcessCpu(String name, long pid) {

        static List<ProcessCpu> parse(String spec) {
            List<ProcessCpu> out = new ArrayList<>();
            for (String item : spec.split(",")) {
                if (!item.isBlank()) {
                    String[] parts = item.strip().split(":");
                    out.add(new ProcessCpu(parts[0], Long.parseLong(parts[1])));
                }
            }
            return out;
        }

        static Map<String, Long> ticks(List<ProcessCpu> processes) {
            Map<String, Long> out = new LinkedHashMap<>();
            processes.forEach(process -> out.put(process.name(), process.ticks()));
            return out;
        }

        /** User plus system time so far, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
        long ticks() {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot read the CPU time of " + name + " (pid " + pid + "): " + e.getMessage(), e);
            }
        }
    }
}
