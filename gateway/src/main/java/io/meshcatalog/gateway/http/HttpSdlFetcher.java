package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Reads a subgraph's SDL with the federation query {@code { _service { sdl } }}, the way its fetches
 * will reach it: over the gateway's subgraph client, with the configured URL, timeout and headers of
 * that subgraph (credentials, routing hints); no client's headers exist at start-up to forward.
 */
public final class HttpSdlFetcher implements ComposedSupergraph.SdlFetcher {

    private static final String QUERY = "{ _service { sdl } }";

    private final SubgraphClient client;
    private final Function<String, SubgraphSettings> settings;

    /** @param settings a subgraph's settings by its name (the defaults for a subgraph with none configured) */
    public HttpSdlFetcher(SubgraphClient client, Function<String, SubgraphSettings> settings) {
        this.client = client;
        this.settings = settings;
    }

    /** With the same settings for every subgraph. */
    public HttpSdlFetcher(SubgraphClient client, SubgraphSettings settings) {
        this(client, subgraph -> settings);
    }

    @Override
    public String sdl(String subgraph, String listedUrl) {
        SubgraphSettings these = settings.apply(subgraph);
        String url = these.url() != null ? these.url() : listedUrl;
        Map<String, Object> response;
        try {
            // the client's own timeout (the subgraph's) ends the wait
            response = client.execute(new SubgraphRequest(
                            subgraph, url, QUERY, Map.of(), these, RequestContext.internal("supergraph-composition")))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "subgraph \"" + subgraph + "\" at " + url + ": cannot read its SDL: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the SDL of subgraph \"" + subgraph + "\"", e);
        }
        if (response.get("data") instanceof Map<?, ?> data
                && data.get("_service") instanceof Map<?, ?> service
                && service.get("sdl") instanceof String sdl) {
            return sdl;
        }
        Object errors = response.get("errors");
        throw new IllegalStateException("subgraph \"" + subgraph + "\" at " + url + " answered without _service.sdl"
                + (errors instanceof List<?> list && !list.isEmpty() ? " (" + list.get(0) + ")" : "")
                + ": is it a federation subgraph?");
    }
}
