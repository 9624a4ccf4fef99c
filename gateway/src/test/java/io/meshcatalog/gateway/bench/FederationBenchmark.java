package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.bench.FederationReport.ProcessCpu;
import io.meshcatalog.gateway.bench.FederationReport.Result;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's federation benchmark, with issue 11's authentication cost: one closed-loop, non-blocking load driver
 * (fixed concurrency, warm-up, then a timed window) hits a subgraph directly, this gateway with the same
 * single-subgraph query, and a join across three subgraphs through this gateway and through its peers (Apollo Gateway,
 * Hive Gateway with either query planner); and
 * the same single-subgraph query and join through a second instance of this gateway with authentication on, the
 * driver sending an API key or a bearer token. Beside throughput, the CPU time each process spends per request
 * (the gateways, the subgraphs and this driver) shows where a request's cost goes: what the subgraphs and the
 * driver need per join bounds any gateway's join throughput on the machine. Every response is checked (HTTP 200,
 * no {@code errors}, the expected data shape): a failed check counts as an error, not as throughput, and any error
 * fails the run. Not part of {@code mvn verify} (its name ends in neither Tests nor IT);
 * {@code gateway/bench/run-federation-bench.sh} starts the processes, makes the run's credentials and runs it with
 * <pre>
 * mvn -B -q -pl gateway -am test -Dtest=FederationBenchmark -Dbench.subgraph=http://localhost:14001/graphql \
 *     -Dbench.gateway=http://localhost:14000/graphql -Dbench.gatewayOn=http://localhost:14010/graphql \
 *     -Dbench.apollo=http://localhost:14100/graphql -Dbench.hive=http://localhost:14110/graphql \
 *     -Dbench.hiveRouter=http://localhost:14120/graphql -Dbench.apiKeyFile=… -Dbench.jwtPrivateKey=…
 * </pre>
 * Settings: {@code bench.concurrency} (16), {@code bench.warmup} and {@code bench.seconds} (20 each),
 * {@code bench.rounds} (4: the measured seconds are cut into rounds that visit the targets in turn),
 * {@code bench.report} (a file for the Markdown table), {@code bench.targets} (some of {@link #TARGETS}, for
 * profiling one), {@code bench.processes} ({@code name:pid,…}: processes whose CPU time per request is reported
 * beside each target, read from {@code /proc/<pid>/stat}; on a shared machine that is steadier than throughput);
 * for the authenticated targets {@code bench.apiKeyFile} (a file holding the key), {@code bench.jwtPrivateKey}
 * (a PKCS#8 PEM RSA key), {@code bench.jwtIssuer} and {@code bench.jwtAudience}.
 */
class FederationBenchmark {

    /**
     * Every target, in the order they run: anonymous ones, then with a credential, then the peers: Apollo Gateway, Hive
     * Gateway with its JavaScript planner and Hive Gateway with Hive Router's Rust planner.
     */
    static final String TARGETS =
            "direct,single,single-key,join,join-key,join-jwt,join-bare,join-traced,apollo,hive," + "hive-router";

    /** One subgraph's root field with a few scalar fields. */
    static final String SINGLE = "{ ordersProducts { id name status version tags } }";

    /**
     * Shipping lists its products; finance prices them with {@code lateDeliveryCostPerDay
     * @requires(fields: "onTimeRate")} (shipping's rate in the representations) and adds the run cost;
     * orders adds {@code rowsPerDay} to each product's datasets (a nested list of entities).
     */
    static final String JOIN = "{ shippingProducts { id name onTimeRate lateDeliveryCostPerDay { amount currency }"
            + " runCostLastMonth { amount currency } datasets { id rowsPerDay } } }";

    /** The driver's event loops: one, so it takes no more than a core from what it measures. */
    private static final int DRIVER_LOOPS = 1;

    private final JsonMapper json = JsonMapper.builder().build();
    private List<ProcessCpu> processes = List.of();

    @Test
    void directGatewayAndApollo() throws Exception {
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
        Duration window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        int rounds = Integer.getInteger("bench.rounds", 4);
        List<String> only = List.of(System.getProperty("bench.targets", TARGETS).split(","));
        processes = new ArrayList<>(ProcessCpu.parse(System.getProperty("bench.processes", "")));
        if (!processes.isEmpty()) {
            processes.add(new ProcessCpu("driver", ProcessHandle.current().pid()));
        }
        List<Target> targets = targets(only);
        System.out.printf(
                Locale.ROOT,
                "BENCH concurrency %d, warm-up %d s, window %d s per target in %d rounds%n",
                concurrency,
                warmup.toSeconds(),
                window.toSeconds(),
                rounds);
        Map<String, Result> results = new LinkedHashMap<>();
        Map<String, Result> warm = new LinkedHashMap<>();
        try (NettyTransport transport = NettyTransport.create(DRIVER_LOOPS);
                NettySubgraphClient client =
                        new NettySubgraphClient(transport, json, NettySubgraphClient.Options.DEFAULTS)) {
            for (Target target : targets) {
                warm.put(target.key(), run(client, target, concurrency, warmup));
            }
            // The window is cut into rounds that visit every target in turn, so a neighbour's burst of load on
            // a shared machine falls on all targets rather than on the one measured at that moment.
            Duration slice = window.dividedBy(rounds);
            for (int round = 0; round < rounds; round++) {
                for (Target target : targets) {
                    Result measured = run(client, target, concurrency, slice);
                    results.merge(target.key(), measured, Result::plus);
                }
            }
        }
        for (Target target : targets) {
            Result warmed = warm.get(target.key());
            Result measured = results.get(target.key());
            System.out.printf(
                    Locale.ROOT,
                    "BENCH %-34s %s (warm-up: %d ok, %d errors)%n",
                    target.name(),
                    measured.line(),
                    warmed.ok(),
                    warmed.errors());
            results.put(target.key(), measured.withWarmupErrors(warmed.errors(), warmed.firstError()));
        }

        String table = FederationReport.table(results, concurrency, window, rounds);
        System.out.println(table);
        String report = System.getProperty("bench.report");
        if (report != null && !report.isBlank()) {
            Files.writeString(Path.of(report), table);
        }
        for (Result result : results.values()) {
            if (result.errors() > 0 || result.ok() == 0) {
                throw new AssertionError(result.name() + ": " + result.errors() + " errors, " + result.ok()
                        + " good responses; first error: " + result.firstError());
            }
        }
    }

    /**
     * The targets named in {@code only}, in {@link #TARGETS}' order. The authenticated ones send their credential in
     * every request; the query and the expected data are the anonymous ones', so on / off measures authentication.
     */
    private static List<Target> targets(List<String> only) {
        String subgraph = System.getProperty("bench.subgraph", "http://localhost:14001/graphql");
        String gateway = System.getProperty("bench.gateway", "http://localhost:14000/graphql");
        String gatewayOn = System.getProperty("bench.gatewayOn", "http://localhost:14010/graphql");
        String apollo = System.getProperty("bench.apollo", "http://localhost:14100/graphql");
        String bare = System.getProperty("bench.gatewayBare", "http://localhost:14020/graphql");
        String traced = System.getProperty("bench.gatewayTraced", "http://localhost:14030/graphql");
        String hive = System.getProperty("bench.hive", "http://localhost:14110/graphql");
        String hiveRouter = System.getProperty("bench.hiveRouter", "http://localhost:14120/graphql");
        Map<String, Supplier<Target>> all = new LinkedHashMap<>();
        all.put(
                "direct",
                () -> new Target(
                        "direct",
                        "subgraph direct (orders)",
                        call(subgraph, SINGLE, Map.of(), FederationBenchmark::ordersShape)));
        all.put(
                "single",
                () -> new Target(
                        "single",
                        "this gateway, single subgraph",
                        call(gateway, SINGLE, Map.of(), FederationBenchmark::ordersShape)));
        all.put(
                "single-key",
                () -> new Target(
                        "single-key",
                        "this gateway + API key, single subgraph",
                        call(gatewayOn, SINGLE, apiKeyHeader(), FederationBenchmark::ordersShape)));
        all.put(
                "join",
                () -> new Target(
                        "join",
                        "this gateway, 3-subgraph join",
                        call(gateway, JOIN, Map.of(), FederationBenchmark::joinShape)));
        all.put(
                "join-key",
                () -> new Target(
                        "join-key",
                        "this gateway + API key, 3-subgraph join",
                        call(gatewayOn, JOIN, apiKeyHeader(), FederationBenchmark::joinShape)));
        all.put(
                "join-jwt",
                () -> new Target(
                        "join-jwt",
                        "this gateway + JWT, 3-subgraph join",
                        call(gatewayOn, JOIN, bearerHeader(), FederationBenchmark::joinShape)));
        all.put(
                "join-bare",
                () -> new Target(
                        "join-bare",
                        "this gateway without metrics or tracing, 3-subgraph join",
                        call(bare, JOIN, Map.of(), FederationBenchmark::joinShape)));
        all.put(
                "join-traced",
                () -> new Target(
                        "join-traced",
                        "this gateway exporting 1% of traces, 3-subgraph join",
                        call(traced, JOIN, Map.of(), FederationBenchmark::joinShape)));
        all.put(
                "apollo",
                () -> new Target(
                        "apollo",
                        "Apollo Gateway, 3-subgraph join",
                        call(apollo, JOIN, Map.of(), FederationBenchmark::joinShape)));
        all.put(
                "hive",
                () -> new Target(
                        "hive",
                        "Hive Gateway, 3-subgraph join",
                        call(hive, JOIN, Map.of(), FederationBenchmark::joinShape)));
        all.put(
                "hive-router",
                () -> new Target(
                        "hive-router",
                        "Hive Gateway + router-runtime, 3-subgraph join",
                        call(hiveRouter, JOIN, Map.of(), FederationBenchmark::joinShape)));
        List<String> unknown =
                only.stream().filter(key -> !all.containsKey(key.strip())).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("bench.targets names " + unknown + "; the targets are " + TARGETS);
        }
        return all.entrySet().stream()
                .filter(entry -> only.stream().anyMatch(key -> key.strip().equals(entry.getKey())))
                .map(entry -> entry.getValue().get())
                .toList();
    }

    private static Map<String, String> apiKeyHeader() {
        return Map.of("X-Api-Key", BenchCredentials.apiKey(Path.of(required("bench.apiKeyFile"))));
    }

    private static Map<String, String> bearerHeader() {
        return Map.of(
                "Authorization",
                "Bearer "
                        + BenchCredentials.bearerToken(
                                Path.of(required("bench.jwtPrivateKey")),
                                System.getProperty("bench.jwtIssuer", "https://bench.invalid/"),
                                System.getProperty("bench.jwtAudience", "mesh-catalog-bench")));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    property + " is required by the authenticated targets (the run script sets "
                            + "it); leave them out of bench.targets to run without");
        }
        return value;
    }

    private static Call call(
            String url, String query, Map<String, String> headers, Predicate<Map<String, Object>> shape) {
        return new Call(
                new SubgraphRequest(
                        "bench",
                        url,
                        query,
                        Map.of(),
                        new SubgraphSettings(null, Duration.ofSeconds(10), headers),
                        RequestContext.anonymous()),
                shape);
    }

    /**
     * Closed loop: each of {@code concurrency} workers sends its target's request, waits for the answer, checks it
     * and sends the next, until the time is up. The driver is non-blocking (Netty, as the gateway's own subgraph
     * client), so it costs the shared cores as little as a driver can; the first failed request ends its worker
     * (any error fails the run).
     */
    private Result run(NettySubgraphClient client, Target target, int concurrency, Duration duration)
            throws InterruptedException {
        Map<String, Long> cpuBefore = ProcessCpu.ticks(processes);
        long start = System.nanoTime();
        Worker[] workers = new Worker[concurrency];
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Worker(client, target.call(), start + duration.toNanos(), finished);
            workers[w].next();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpu = new LinkedHashMap<>(ProcessCpu.ticks(processes));
        cpu.replaceAll((name, after) -> after - cpuBefore.get(name));
        long errors = 0;
        String firstError = null;
        int total = 0;
        for (Worker worker : workers) {
            total += worker.count;
            if (worker.problem != null) {
                errors++;
                firstError = firstError == null ? worker.problem : firstError;
            }
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        return new Result(target.name(), total, errors, seconds, all, firstError, cpu);
    }

    /** One closed loop of requests; each next request is sent from the callback of the answer before. */
    private static final class Worker {

        private final NettySubgraphClient client;
        private final Call call;
        private final long end;
        private final CountDownLatch finished;
        private long[] latencies = new long[1 << 14];
        private int count;
        private volatile @Nullable String problem;

        Worker(NettySubgraphClient client, Call call, long end, CountDownLatch finished) {
            this.client = client;
            this.call = call;
            this.end = end;
            this.finished = finished;
        }

        void next() {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            long sent = System.nanoTime();
            client.execute(call.request()).whenComplete((answer, failure) -> {
                String wrong = failure != null
                        ? String.valueOf(failure.getCause() != null ? failure.getCause() : failure)
                        : check(call, answer);
                if (wrong != null) {
                    problem = wrong;
                    finished.countDown();
                    return;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - sent;
                next();
            });
        }

        /** Null when the answer is good, otherwise what is wrong with it. */
        private static @Nullable String check(Call call, Map<String, Object> answer) {
            if (answer.containsKey("errors")) {
                return "errors: " + answer.get("errors");
            }
            return answer.get("data") instanceof Map<?, ?> data && call.shape().test(cast(data))
                    ? null
                    : "unexpected data: " + answer;
        }
    }

    static boolean ordersShape(Map<String, Object> data) {
        List<Map<String, Object>> products = objects(data.get("ordersProducts"));
        if (products.isEmpty()) {
            return false;
        }
        for (Map<String, Object> product : products) {
            if (!(product.get("id") instanceof String id && id.startsWith("orders."))
                    || !(product.get("name") instanceof String)
                    || !(product.get("status") instanceof String)
                    || !(product.get("tags") instanceof List)) {
                return false;
            }
        }
        return true;
    }

    /** Every product from shipping, each with finance's and orders' fields; at least one priced by finance. */
    static boolean joinShape(Map<String, Object> data) {
        List<Map<String, Object>> products = objects(data.get("shippingProducts"));
        if (products.isEmpty()) {
            return false;
        }
        boolean priced = false;
        for (Map<String, Object> product : products) {
            List<Map<String, Object>> datasets = objects(product.get("datasets"));
            if (!(product.get("id") instanceof String id && id.startsWith("shipping."))
                    || !product.containsKey("onTimeRate")
                    || !product.containsKey("lateDeliveryCostPerDay")
                    || datasets.isEmpty()
                    || !(product.get("runCostLastMonth") instanceof Map<?, ?> run
                            && run.get("amount") instanceof Number)) {
                return false;
            }
            for (Map<String, Object> dataset : datasets) {
                if (!(dataset.get("id") instanceof String) || !dataset.containsKey("rowsPerDay")) {
                    return false;
                }
            }
            priced |= product.get("onTimeRate") instanceof Number
                    && product.get("lateDeliveryCostPerDay") instanceof Map<?, ?> cost
                    && cost.get("amount") instanceof Number amount
                    && amount.doubleValue() > 0
                    && "EUR".equals(cost.get("currency"));
        }
        return priced;
    }

    /** The objects of a JSON list, or none when it is not a non-empty list of objects. */
    private static List<Map<String, Object>> objects(@Nullable Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                return List.of();
            }
            out.add(cast(map));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private record Target(String key, String name, Call call) {}

    private record Call(SubgraphRequest request, Predicate<Map<String, Object>> shape) {}
}
