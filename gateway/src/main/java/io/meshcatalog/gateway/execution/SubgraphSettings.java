package io.meshcatalog.gateway.execution;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the gateway talks to one subgraph.
 *
 * @param url overrides the URL the supergraph names, or null to keep it
 * @param timeout how long one fetch may take before its part of the response becomes an error
 * @param headers sent with every fetch (static credentials, routing hints)
 */
public record SubgraphSettings(@Nullable String url, Duration timeout, Map<String, String> headers) {

  /** Thirty seconds, no extra headers, the supergraph's URL. */
  public static final SubgraphSettings DEFAULTS = new SubgraphSettings(null, Duration.ofSeconds(30), Map.of());

  public SubgraphSettings {
    headers = Map.copyOf(headers);
  }
}
