package io.meshcatalog.gateway.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a subgraph's SDL with the federation query {@code { _service { sdl } }}, the way its fetches
 * will reach it: the configured URL, timeout and headers of that subgraph (credentials, routing
 * hints) apply; no client's headers exist at start-up to forward.
 */
public final class HttpSdlFetcher implements ComposedSupergraph.SdlFetcher {

  private final HttpClient http;
  private final JsonMapper json;
  private final Function<String, SubgraphSettings> settings;

  /** @param settings a subgraph's settings by its name (the defaults for a subgraph with none configured) */
  public HttpSdlFetcher(HttpClient http, JsonMapper json, Function<String, SubgraphSettings> settings) {
    this.http = http;
    this.json = json;
    this.settings = settings;
  }

  /** With the same settings for every subgraph. */
  public HttpSdlFetcher(HttpClient http, JsonMapper json, SubgraphSettings settings) {
    this(http, json, subgraph -> settings);
  }

  @Override
  public String sdl(String subgraph, String listedUrl) {
    SubgraphSettings these = settings.apply(subgraph);
    String url = these.url() != null ? these.url() : listedUrl;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(these.timeout())
          .header("Content-Type", "application/json");
      these.headers().forEach(builder::header);
      HttpRequest request = builder
          .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}")).build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Object body = json.readValue(response.body(), Object.class);
      if (body instanceof Map<?, ?> map && map.get("data") instanceof Map<?, ?> data
          && data.get("_service") instanceof Map<?, ?> service && service.get("sdl") instanceof String sdl) {
        return sdl;
      }
      throw new IllegalStateException("subgraph \"" + subgraph + "\" at " + url + " answered HTTP "
          + response.statusCode() + " without _service.sdl: is it a federation subgraph?");
    } catch (IOException | JacksonException | IllegalArgumentException e) {
      throw new IllegalStateException("subgraph \"" + subgraph + "\" at " + url + ": cannot read its SDL: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the SDL of subgraph \"" + subgraph + "\"", e);
    }
  }
}
