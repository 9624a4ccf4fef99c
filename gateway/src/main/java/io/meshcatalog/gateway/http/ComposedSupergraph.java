package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphException;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --subgraphs=name=url,…} source: asks every subgraph for {@code _service { sdl }} and
 * composes the supergraph; polls them, and recomposes when one's SDL changed.
 */
public final class ComposedSupergraph implements SupergraphSource {

    private static final Logger LOG = LoggerFactory.getLogger(ComposedSupergraph.class);

    private final Map<String, String> urls;
    private final SdlFetcher fetcher;
    private @Nullable List<SubgraphSdl> last;
    private @Nullable ScheduledExecutorService poller;

    /** Reads one subgraph's SDL; throws naming the subgraph when it cannot. */
    @FunctionalInterface
    public interface SdlFetcher {
        String sdl(String subgraph, String url);
    }

    public ComposedSupergraph(Map<String, String> urls, SdlFetcher fetcher) {
        this.urls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(urls));
        this.fetcher = fetcher;
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--subgraphs names no subgraph: use --subgraphs=name=url,name=url");
        }
    }

    /** Reads {@code name=url,name=url}, in that order. */
    public static Map<String, String> parse(String spec) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException("--subgraphs entry \"" + trimmed + "\" is not name=url");
            }
            urls.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
        return urls;
    }

    /** The composed supergraph SDL, as {@code --print-supergraph} writes it. */
    public String composeSdl() {
        List<SubgraphSdl> sdls = fetchAll();
        last = sdls;
        return new SupergraphComposer().compose(sdls);
    }

    @Override
    public Supergraph load() {
        return new SupergraphParser().parse(composeSdl());
    }

    private List<SubgraphSdl> fetchAll() {
        List<SubgraphSdl> sdls = new ArrayList<>();
        urls.forEach((name, url) -> sdls.add(new SubgraphSdl(name, url, fetcher.sdl(name, url))));
        return sdls;
    }

    @Override
    public void watch(Served served, Duration every) {
        poller = Repeating.every("subgraph-sdl-poll", every, () -> recomposeIfChanged(served));
    }

    void recomposeIfChanged(Served served) {
        try {
            List<SubgraphSdl> sdls = fetchAll();
            if (sdls.equals(last)) {
                return;
            }
            String sdl = new SupergraphComposer().compose(sdls);
            Supergraph supergraph = new SupergraphParser().parse(sdl);
            last = sdls;
            served.serve(supergraph, sdl);
            LOG.info("Serving a supergraph recomposed from changed subgraph SDL");
        } catch (SupergraphException | IllegalStateException e) {
            LOG.warn("Keeping the current supergraph: the changed subgraphs do not compose: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
