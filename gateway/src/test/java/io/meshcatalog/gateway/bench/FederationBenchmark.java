package io.meshcatalog.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's federation benchmark: one closed-loop load driver (fixed concurrency, warm-up, then a
 * timed window) hits, one after the other, a subgraph directly, this gateway with the same
 * single-subgraph query, and a join across three subgraphs through this gateway and through Apollo
 * Gateway. A fifth target, the floor, has the driver itself send the join plan's three subgraph calls
 * one after the other (the representations taken once from shipping's answer): what the subgraphs
 * alone cost for one join on this machine, which bounds any gateway's join throughput here. Every
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
 * {@code direct,single,join,apollo,floor}, for profiling one), {@code bench.shipping} and
 * {@code bench.finance} (those subgraphs' URLs, for the floor), {@code bench.processes}
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

  /** The join plan's first fetch, as the gateway sends it to shipping. */
  static final String JOIN_SHIPPING = "{ shippingProducts { id name onTimeRate __typename datasets { id __typename } } }";

  /** The join plan's fetch to finance, with shipping's products (and their rates) as representations. */
  static final String JOIN_FINANCE = "query($representations: [_Any!]!) { _entities(representations: $representations)"
      + " { ... on DataProduct { lateDeliveryCostPerDay { amount currency } runCostLastMonth { amount currency } } } }";

  /** The join plan's fetch to orders, with the products' datasets as representations. */
  static final String JOIN_ORDERS = "query($representations: [_Any!]!) { _entities(representations: $representations)"
      + " { ... on Dataset { rowsPerDay } } }";

  private final JsonMapper json = JsonMapper.builder().build();
  private List<ProcessCpu> processes = List.of();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void directGatewayAndApollo() throws Exception {
    int concurrency = Integer.getInteger("bench.concurrency", 16);
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    Duration window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    int rounds = Integer.getInteger("bench.rounds", 4);
    String subgraph = System.getProperty("bench.subgraph", "http://localhost:14001/graphql");
    String gateway = System.getProperty("bench.gateway", "http://localhost:14000/graphql");
    String apollo = System.getProperty("bench.apollo", "http://localhost:14100/graphql");
    String shipping = System.getProperty("bench.shipping", "http://localhost:14002/graphql");
    String finance = System.getProperty("bench.finance", "http://localhost:14005/graphql");

    List<String> only = List.of(System.getProperty("bench.targets", "direct,single,join,apollo,floor").split(","));
    processes = ProcessCpu.parse(System.getProperty("bench.processes", ""));
    List<Target> targets = new ArrayList<>(Stream.of(
        new Target("direct", "subgraph direct (orders)", List.of(call(subgraph, SINGLE, Map.of(), FederationBenchmark::ordersShape))),
        new Target("single", "this gateway, single subgraph", List.of(call(gateway, SINGLE, Map.of(), FederationBenchmark::ordersShape))),
        new Target("join", "this gateway, 3-subgraph join", List.of(call(gateway, JOIN, Map.of(), FederationBenchmark::joinShape))),
        new Target("apollo", "Apollo Gateway, 3-subgraph join", List.of(call(apollo, JOIN, Map.of(), FederationBenchmark::joinShape))))
        .filter(target -> only.contains(target.key())).toList());
    if (only.contains("floor")) {
      targets.add(floor(shipping, finance, subgraph));
    }
    System.out.printf(Locale.ROOT, "BENCH concurrency %d, warm-up %d s, window %d s per target in %d rounds%n",
        concurrency, warmup.toSeconds(), window.toSeconds(), rounds);
    Map<String, Result> results = new LinkedHashMap<>();
    Map<String, Result> warm = new LinkedHashMap<>();
    for (Target target : targets) {
      warm.put(target.key(), run(target, concurrency, warmup));
    }
    // The window is cut into rounds that visit every target in turn, so a neighbour's burst of load on
    // a shared machine falls on all targets rather than on the one measured at that moment.
    Duration slice = window.dividedBy(rounds);
    for (int round = 0; round < rounds; round++) {
      for (Target target : targets) {
        Result measured = run(target, concurrency, slice);
        results.merge(target.key(), measured, Result::plus);
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

  /**
   * The join without a gateway: shipping's fetch, then finance's and orders' {@code _entities} with the
   * representations the gateway would send, taken once from shipping's answer.
   */
  private Target floor(String shipping, String finance, String orders) throws IOException, InterruptedException {
    Call first = call(shipping, JOIN_SHIPPING, Map.of(), data -> data.path("shippingProducts").size() > 0);
    HttpResponse<byte[]> answer = http.send(first.request(), HttpResponse.BodyHandlers.ofByteArray());
    List<Map<String, Object>> products = new ArrayList<>();
    List<Map<String, Object>> datasets = new ArrayList<>();
    for (JsonNode product : json.readTree(answer.body()).path("data").path("shippingProducts")) {
      Map<String, Object> representation = new LinkedHashMap<>();
      representation.put("__typename", "DataProduct");
      representation.put("id", product.path("id").asString());
      representation.put("onTimeRate", product.path("onTimeRate").isNumber() ? product.path("onTimeRate").asDouble() : null);
      products.add(representation);
      for (JsonNode dataset : product.path("datasets")) {
        datasets.add(Map.of("__typename", "Dataset", "id", dataset.path("id").asString()));
      }
    }
    if (products.isEmpty() || datasets.isEmpty()) {
      throw new AssertionError("shipping answered no products with datasets for the floor: "
          + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    int productCount = products.size();
    int datasetCount = datasets.size();
    return new Target("floor", "floor: the join's 3 subgraph calls, no gateway", List.of(first,
        call(finance, JOIN_FINANCE, Map.of("representations", products), data -> data.path("_entities").size() == productCount),
        call(orders, JOIN_ORDERS, Map.of("representations", datasets), data -> data.path("_entities").size() == datasetCount)));
  }

  private Call call(String url, String query, Map<String, Object> variables, Predicate<JsonNode> shape) {
    byte[] body = json.writeValueAsBytes(Map.of("query", query, "variables", variables));
    return new Call(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), shape);
  }

  /**
   * Closed loop: each of {@code concurrency} workers sends its target's calls one after the other, then
   * starts again; one round of the calls counts as one request.
   */
  private Result run(Target target, int concurrency, Duration duration) throws InterruptedException {
    AtomicLong errors = new AtomicLong();
    AtomicReference<@Nullable String> firstError = new AtomicReference<>();
    long[][] latencies = new long[concurrency][];
    int[] counts = new int[concurrency];
    Map<String, Long> cpuBefore = ProcessCpu.ticks(processes);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      Thread thread = new Thread(() -> {
        long[] mine = new long[1 << 14];
        int n = 0;
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          String problem = null;
          for (Call step : target.calls()) {
            problem = send(step);
            if (problem != null) {
              break;
            }
          }
          long took = System.nanoTime() - sent;
          if (problem != null) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, problem);
            continue;
          }
          if (n == mine.length) {
            mine = Arrays.copyOf(mine, n * 2);
          }
          mine[n++] = took;
        }
        latencies[worker] = mine;
        counts[worker] = n;
      }, "bench-" + w);
      thread.start();
      workers.add(thread);
    }
    for (Thread thread : workers) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> cpu = new LinkedHashMap<>(ProcessCpu.ticks(processes));
    cpu.replaceAll((name, after) -> after - cpuBefore.get(name));
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int w = 0; w < concurrency; w++) {
      System.arraycopy(latencies[w], 0, all, at, counts[w]);
      at += counts[w];
    }
    Arrays.sort(all);
    return new Result(target.name(), total, errors.get(), seconds, all, firstError.get(), cpu);
  }

  /** Null when the answer is good, otherwise what is wrong with it. */
  private @Nullable String send(Call call) {
    try {
      HttpResponse<byte[]> response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return "HTTP " + response.statusCode() + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      }
      JsonNode answer = json.readTree(response.body());
      if (answer.has("errors")) {
        return "errors: " + answer.get("errors");
      }
      return call.shape().test(answer.path("data")) ? null : "unexpected data: " + answer;
    } catch (IOException | JacksonException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  static boolean ordersShape(JsonNode data) {
    JsonNode products = data.path("ordersProducts");
    if (!products.isArray() || products.isEmpty()) {
      return false;
    }
    for (JsonNode product : products) {
      if (!product.path("id").asString("").startsWith("orders.") || !product.path("name").isString()
          || !product.path("status").isString() || !product.path("tags").isArray()) {
        return false;
      }
    }
    return true;
  }

  /** Every product from shipping, each with finance's and orders' fields; at least one priced by finance. */
  static boolean joinShape(JsonNode data) {
    JsonNode products = data.path("shippingProducts");
    if (!products.isArray() || products.isEmpty()) {
      return false;
    }
    boolean priced = false;
    for (JsonNode product : products) {
      if (!product.path("id").asString("").startsWith("shipping.") || !product.has("onTimeRate")
          || !product.has("lateDeliveryCostPerDay") || !product.path("runCostLastMonth").path("amount").isNumber()
          || !product.path("datasets").isArray() || product.path("datasets").isEmpty()) {
        return false;
      }
      for (JsonNode dataset : product.path("datasets")) {
        if (!dataset.path("id").isString() || !dataset.has("rowsPerDay")) {
          return false;
        }
      }
      JsonNode cost = product.path("lateDeliveryCostPerDay");
      priced |= product.path("onTimeRate").isNumber() && cost.path("amount").asDouble(0) > 0
          && "EUR".equals(cost.path("currency").asString(""));
    }
    return priced;
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
    Result floor = results.get("floor");
    if (floor != null && ours != null && apollo != null) {
      out.append(String.format(Locale.ROOT, "Join throughput as a share of the floor (the subgraphs alone): this gateway %.2f, "
          + "Apollo Gateway %.2f; 5x Apollo would be %.2f of the floor%n", ours.throughput() / floor.throughput(),
          apollo.throughput() / floor.throughput(), 5 * apollo.throughput() / floor.throughput()));
    }
    return out.toString();
  }

  private record Target(String key, String name, List<Call> calls) {
  }

  private record Call(HttpRequest request, Predicate<JsonNode> shape) {
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
