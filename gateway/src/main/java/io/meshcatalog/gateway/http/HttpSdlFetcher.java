package io.meshcatalog.gateway.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a subgraph's SDL with the federation query {@code { _service { sdl } }}. */
public final class HttpSdlFetcher implements ComposedSupergraph.SdlFetcher {

  private final HttpClient http;
  private final JsonMapper json;
  private final Duration timeout;

  public HttpSdlFetcher(HttpClient http, JsonMapper json, Duration timeout) {
    this.http = http;
    this.json = json;
    this.timeout = timeout;
  }

  @Override
  public String sdl(String subgraph, String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
          .header("Content-Type", "application/json")
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
