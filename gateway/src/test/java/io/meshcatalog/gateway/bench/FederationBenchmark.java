package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.execution.SubgraphSettings;
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
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's federation benchmark: one closed-loop, non-blocking load driver (fixed concurrency, warm-up, then a
 * timed window) hits, one after the other, a subgraph directly, this gateway with the same
 * single-subgraph query, and a join across three subgraphs through this gateway and through Apollo
 * Gateway. Beside throughput, the CPU time each process spends per request (the gateways, the subgraphs and
 * this driver) shows where a join's cost goes: what the subgraphs and the driver need per join bounds any
 * gateway's join throughput on the machine. Every
 * response is checked (HTTP 200, no {@code errors}, the expected data shape): a failed check counts
 * as an error, not as throughput, and any error fails the run. Not part of
 * {@code mvn verify} (its name ends in neither Tests nor IT); {@code gateway/bench/run-federation-bench.sh}
 * starts the processes and runs it with
 * <pre>
 * mvn -B -q -pl gateway test -Dtest=FederationBenchmark -Dbench.subgraph=http://localhost:14001/graphql \
 *     -Dbench.gateway=http://localhost:14000/graphql -Dbench.apollo=http://localhost:14100/graphql
 * </pre>
 * Settings: {@code bench.concurrency} (16), {@code bench.warmup} and {@code bench.seconds} (20 each),
 * {@code bench.rounds} (4: the measured seconds are cut into rounds that visit the targets in turn),
 * {@code bench.report} (a file for the Markdown table), {@code bench.targets} (some of
 * {@code direct,single,join,apollo}, for profiling one), {@code bench.processes}
 * ({@code name:pid,…}: processes whose CPU time per request is reported beside each target, read from
 * {@code /proc/<pid>/stat}; on a shared machine that is steadier than throughput).
 */
class FederationBenchmark {

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
    String subgraph = System.getProperty("bench.subgraph", "http://localhost:14001/graphql");
    String gateway = System.getProperty("bench.gateway", "http://localhost:14000/graphql");
    String apollo = System.getProperty("bench.apollo", "http://localhost:14100/graphql");

    List<String> only = List.of(System.getProperty("bench.targets", "direct,single,join,apollo").split(","));
    processes = new ArrayList<>(ProcessCpu.parse(System.getProperty("bench.processes", "")));
    if (!processes.isEmpty()) {
      processes.add(new ProcessCpu("driver", ProcessHandle.current().pid()));
    }
    List<Target> targets = new ArrayList<>(Stream.of(
        new Target("direct", "subgraph direct (orders)", call(subgraph, SINGLE, FederationBenchmark::ordersShape)),
        new Target("single", "this gateway, single subgraph", call(gateway, SINGLE, FederationBenchmark::ordersShape)),
        new Target("join", "this gateway, 3-subgraph join", call(gateway, JOIN, FederationBenchmark::joinShape)),
        new Target("apollo", "Apollo Gateway, 3-subgraph join", call(apollo, JOIN, FederationBenchmark::joinShape)))
        .filter(target -> only.contains(target.key())).toList());
    System.out.printf(Locale.ROOT, "BENCH concurrency %d, warm-up %d s, window %d s per target in %d rounds%n",
        concurrency, warmup.toSeconds(), window.toSeconds(), rounds);
    Map<String, Result> results = new LinkedHashMap<>();
    Map<String, Result> warm = new LinkedHashMap<>();
    try (NettyTransport transport = NettyTransport.create(DRIVER_LOOPS);
        NettySubgraphClient client = new NettySubgraphClient(transport, json, NettySubgraphClient.Options.DEFAULTS)) {
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
      System.out.printf(Locale.ROOT, "BENCH %-34s %s (warm-up: %d ok, %d errors)%n", target.name(), measured.line(),
          warmed.ok(), warmed.errors());
      results.put(target.key(), measured.withWarmupErrors(warmed.errors(), warmed.firstError()));
    }

    String table = table(results, concurrency, window, rounds);
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

  private static Call call(String url, String query, Predicate<Map<String, Object>> shape) {
    return new Call(new SubgraphRequest("bench", url, query, Map.of(),
        new SubgraphSettings(null, Duration.ofSeconds(10), Map.of()), RequestContext.anonymous()), shape);
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
        String wrong = failure != null ? String.valueOf(failure.getCause() != null ? failure.getCause() : failure)
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
      return answer.get("data") instanceof Map<?, ?> data && call.shape().test(cast(data)) ? null
          : "unexpected data: " + answer;
    }
  }

  static boolean ordersShape(Map<String, Object> data) {
    List<Map<String, Object>> products = objects(data.get("ordersProducts"));
    if (products.isEmpty()) {
      return false;
    }
    for (Map<String, Object> product : products) {
      if (!(product.get("id") instanceof String id && id.startsWith("orders.")) || !(product.get("name") instanceof String)
          || !(product.get("status") instanceof String) || !(product.get("tags") instanceof List)) {
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
      if (!(product.get("id") instanceof String id && id.startsWith("shipping.")) || !product.containsKey("onTimeRate")
          || !product.containsKey("lateDeliveryCostPerDay") || datasets.isEmpty()
          || !(product.get("runCostLastMonth") instanceof Map<?, ?> run && run.get("amount") instanceof Number)) {
        return false;
      }
      for (Map<String, Object> dataset : datasets) {
        if (!(dataset.get("id") instanceof String) || !dataset.containsKey("rowsPerDay")) {
          return false;
        }
      }
      priced |= product.get("onTimeRate") instanceof Number && product.get("lateDeliveryCostPerDay") instanceof Map<?, ?> cost
          && cost.get("amount") instanceof Number amount && amount.doubleValue() > 0 && "EUR".equals(cost.get("currency"));
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

  private static String table(Map<String, Result> results, int concurrency, Duration window, int rounds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Concurrency %d, closed loop, %d s measured per target in %d interleaved rounds.%n%n", concurrency,
        window.toSeconds(), rounds));
    out.append("| target | requests | errors | throughput | p50 | p95 | p99 |\n|---|---|---|---|---|---|---|\n");
    for (Result r : results.values()) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f req/s | %.2f ms | %.2f ms | %.2f ms |%n",
          r.name(), r.ok(), r.errors(), r.throughput(), r.percentile(50), r.percentile(95), r.percentile(99)));
    }
    out.append('\n');
    if (!results.isEmpty() && !results.values().iterator().next().cpuTicks().isEmpty()) {
      List<String> names = List.copyOf(results.values().iterator().next().cpuTicks().keySet());
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
    Result direct = results.get("direct");
    Result single = results.get("single");
    if (direct != null && single != null) {
      double ratio = single.throughput() / direct.throughput();
      out.append(String.format(Locale.ROOT, "Gateway / direct throughput, single subgraph: %.2f (target >= 0.7: %s)%n",
          ratio, ratio >= 0.7 ? "met" : "MISSED"));
    }
    Result ours = results.get("join");
    Result apollo = results.get("apollo");
    if (ours != null && apollo != null) {
      double ratio = ours.throughput() / apollo.throughput();
      out.append(String.format(Locale.ROOT, "This gateway / Apollo Gateway throughput, join: %.2fx (target >= 5x: %s)%n",
          ratio, ratio >= 5 ? "met" : "MISSED"));
      out.append(String.format(Locale.ROOT, "p99, join: %.2f ms here vs %.2f ms Apollo (target lower: %s)%n",
          ours.percentile(99), apollo.percentile(99), ours.percentile(99) < apollo.percentile(99) ? "met" : "MISSED"));
    }
    if (ours != null && ours.cpuTicks().containsKey("subgraphs") && ours.cpuTicks().containsKey("driver")) {
      // With a gateway that cost nothing, the subgraphs and the driver would still need this much CPU per join.
      double rest = ours.cpuMillisPerRequest("subgraphs") + ours.cpuMillisPerRequest("driver");
      int cores = Runtime.getRuntime().availableProcessors();
      out.append(String.format(Locale.ROOT, "Join ceiling for any gateway on these %d cores: the subgraphs and the driver alone "
          + "spend %.3f ms of CPU per join, so at most %.0f joins/s%s%n", cores, rest, cores * 1000 / rest,
          apollo == null ? "" : String.format(Locale.ROOT, " = %.2fx Apollo Gateway", cores * 1000 / rest / apollo.throughput())));
    }
    return out.toString();
  }

  private record Target(String key, String name, Call call) {
  }

  private record Call(SubgraphRequest request, Predicate<Map<String, Object>> shape) {
  }

  private record Result(String name, long ok, long errors, double seconds, long[] sortedNanos,
      @Nullable String firstError, Map<String, Long> cpuTicks) {

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
      return String.format(Locale.ROOT, "%.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d ok, %d errors%s",
          throughput(), percentile(50), percentile(95), percentile(99), ok, errors,
          firstError == null ? "" : " (first: " + firstError + ")");
    }

    Result plus(Result other) {
      long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
      System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
      Arrays.sort(all);
      Map<String, Long> cpu = new LinkedHashMap<>(cpuTicks);
      other.cpuTicks.forEach((process, ticks) -> cpu.merge(process, ticks, Long::sum));
      return new Result(name, ok + other.ok, errors + other.errors, seconds + other.seconds, all,
          firstError != null ? firstError : other.firstError, cpu);
    }

    Result withWarmupErrors(long warmupErrors, @Nullable String warmupFirst) {
      return new Result(name, ok, errors + warmupErrors, seconds, sortedNanos, firstError != null ? firstError : warmupFirst,
          cpuTicks);
    }
  }

  /** A process whose CPU time the benchmark reads, by name and pid. */
  private record ProcessCpu(String name, long pid) {

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
        throw new IllegalStateException("cannot read the CPU time of " + name + " (pid " + pid + "): " + e.getMessage(), e);
      }
    }
  }
}
