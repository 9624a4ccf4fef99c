package io.meshcatalog.gateway.catalog;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code chromium} in headless mode, driven over the DevTools protocol with the JDK's
 * WebSocket: enough to open a page, evaluate JavaScript in it and wait for a condition, with no
 * browser-automation library. {@code .ci/run} installs the package when it is missing.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket page;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

  private final Path profile;

  private HeadlessChromium(Process process, Path profile, String pageSocket) {
    this.process = process;
    this.profile = profile;
    this.page = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(pageSocket), new Listener()).join();
  }

  /** The chromium binary on the PATH, if any. */
  static Optional<Path> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts chromium with a fresh profile, deleted again on {@link #close()}. */
  static HeadlessChromium start(Path binary) {
    try {
      Path profile = Files.createTempDirectory("chromium-profile");
      Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--no-first-run", "--window-size=1400,2000", "--remote-debugging-port=0",
          "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
      String browserSocket = awaitDevTools(process);
      URI list = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
      HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher socket = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/devtools/page/[^\"]+)\"")
          .matcher(targets.body());
      if (!socket.find()) {
        process.destroyForcibly();
        throw new IllegalStateException("chromium lists no page target: " + targets.body());
      }
      return new HeadlessChromium(process, profile, socket.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String awaitDevTools(Process process) throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("chromium stopped before opening DevTools:\n" + seen);
  }

  void navigate(String url) {
    call("Page.navigate", Map.of("url", url));
  }

  /** Evaluates a JavaScript expression in the page and answers its value. */
  @Nullable Object evaluate(String expression) {
    Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    return result.get("result") instanceof Map<?, ?> remote ? remote.get("value") : null;
  }

  /** Evaluates the expression until it is truthy, and answers its last value. */
  @Nullable Object await(String expression, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Object value = null;
    while (Instant.now().isBefore(deadline)) {
      value = evaluate(expression);
      if (value != null && !Boolean.FALSE.equals(value) && !"".equals(value)) {
        return value;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the page never satisfied `" + expression + "` within " + timeout.toSeconds()
        + " s; last value: " + value);
  }

  private Map<String, Object> call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    page.sendText(json.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
    try {
      Map<String, Object> message = answer.get(30, TimeUnit.SECONDS);
      if (message.get("error") != null) {
        throw new IllegalStateException(method + " failed: " + message.get("error"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) message.getOrDefault("result", Map.of());
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    page.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteProfile();
  }

  /** Deletes the profile; its Singleton* entries are links, deleted as links, never followed. */
  private void deleteProfile() {
    try (Stream<Path> paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // a file chromium still holds: left for the OS to clean up
        }
      });
    } catch (IOException e) {
      // nothing to clean up
    }
  }

  /** Reassembles text frames into messages and completes the call each one answers. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        Map<?, ?> message = json.readValue(buffer.toString(), Map.class);
        buffer.setLength(0);
        if (message.get("id") instanceof Number id) {
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) message;
          CompletableFuture<Map<String, Object>> answer = pending.get(id.intValue());
          if (answer != null) {
            answer.complete(typed);
          }
        }
      }
      socket.request(1);
      return null;
    }
  }
}
