package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /webjars/<webjar>/<file>}: a file of a webjar on the classpath, by a version-free path, so the
 * page names no version. Files are read once and kept; a path that leaves the webjar is not found.
 */
final class WebjarFiles {

  private static final String PREFIX = "/webjars/";
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "map", "application/json",
      "html", "text/html; charset=utf-8", "svg", "image/svg+xml", "woff", "font/woff", "woff2", "font/woff2",
      "ttf", "font/ttf", "png", "image/png", "json", "application/json");

  private final WebJarVersionLocator locator = new WebJarVersionLocator();
  private final Map<String, Optional<HttpAnswer>> files = new ConcurrentHashMap<>();
  private final JsonMapper json;

  WebjarFiles(JsonMapper json) {
    this.json = json;
  }

  CompletableFuture<HttpAnswer> handle(HttpCall call) {
    HttpAnswer answer = files.computeIfAbsent(call.path(), this::load)
        .orElseGet(() -> HttpAnswer.error(404, "no webjar file at " + call.path(), json));
    return CompletableFuture.completedFuture(answer);
  }

  private Optional<HttpAnswer> load(String path) {
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || rest.contains("..") || rest.contains("\\")) {
      return Optional.empty();
    }
    String full = locator.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
    if (full == null) {
      return Optional.empty();
    }
    try (InputStream in = WebjarFiles.class.getClassLoader().getResourceAsStream(full)) {
      if (in == null) {
        return Optional.empty();
      }
      String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return Optional.of(new HttpAnswer(200, TYPES.getOrDefault(extension, "application/octet-stream"),
          Map.of("Cache-Control", "max-age=3600"), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + full + ": " + e.getMessage(), e);
    }
  }
}
