package io.meshcatalog.gateway.execution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP to subgraphs with the JDK's non-blocking {@link HttpClient} (injected, so
 * tests and the runtime choose its executor and connect timeout).
 */
public final class HttpSubgraphClient implements SubgraphClient {

  private final HttpClient http;
  private final JsonMapper json;

  public HttpSubgraphClient(HttpClient http, JsonMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
    byte[] body;
    HttpRequest.Builder builder;
    try {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("query", request.query());
      payload.put("variables", request.variables());
      body = json.writeValueAsBytes(payload);
      builder = HttpRequest.newBuilder(URI.create(request.url()))
          .timeout(request.settings().timeout())
          .header("Content-Type", "application/json")
          .header("Accept", "application/graphql-response+json, application/json");
    } catch (IllegalArgumentException | JacksonException e) {
      return CompletableFuture.failedFuture(
          new SubgraphFetchException("cannot build a request to " + request.url() + ": " + e.getMessage(), e));
    }
    request.settings().headersFor(request.context()).forEach(builder::header);
    HttpRequest httpRequest = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    long timeoutMillis = request.settings().timeout().toMillis();
    return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
        // The request timeout covers the wait for headers; this one also covers a body that stalls.
        .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            String what = cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                ? "timed out after " + request.settings().timeout().toMillis() + " ms"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new SubgraphFetchException(what, cause);
          }
          return parse(response);
        });
  }

  private Map<String, Object> parse(HttpResponse<byte[]> response) {
    Object parsed;
    try {
      parsed = json.readValue(response.body(), Object.class);
    } catch (JacksonException e) {
      throw new SubgraphFetchException("HTTP " + response.statusCode() + " with a body that is not JSON");
    }
    if (!(parsed instanceof Map<?, ?> map) || !(map.containsKey("data") || map.containsKey("errors"))) {
      throw new SubgraphFetchException("HTTP " + response.statusCode() + " with a body that is not a GraphQL response");
    }
    if (response.statusCode() / 100 != 2 && !map.containsKey("errors")) {
      throw new SubgraphFetchException("HTTP " + response.statusCode());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) map;
    return result;
  }
}
