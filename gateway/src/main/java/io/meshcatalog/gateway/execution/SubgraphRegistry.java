package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.supergraph.Subgraph;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.Map;

/**
 * Where and how to reach each subgraph: the supergraph's URLs, overridden per subgraph by
 * configuration.
 */
public final class SubgraphRegistry {

    private final Supergraph supergraph;
    private final Map<String, SubgraphSettings> settings;
    private final SubgraphSettings defaults;

    public SubgraphRegistry(Supergraph supergraph, Map<String, SubgraphSettings> settings, SubgraphSettings defaults) {
        this.supergraph = supergraph;
        this.settings = Map.copyOf(settings);
        this.defaults = defaults;
    }

    /** How to talk to {@code subgraph}: its configured settings, else the gateway-wide defaults. */
    public SubgraphSettings settings(String subgraph) {
        return settings.getOrDefault(subgraph, defaults);
    }

    /** Where {@code subgraph} is reached: the configured URL, else the one the supergraph names. */
    public String url(String subgraph) {
        String override = settings(subgraph).url();
        if (override != null) {
            return override;
        }
        return supergraph
                .subgraph(subgraph)
                .map(Subgraph::url)
                .orElseThrow(() -> new IllegalStateException("unknown subgraph " + subgraph));
    }
}
