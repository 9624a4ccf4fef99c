package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.supergraph.Supergraph;
import java.time.Duration;

/**
 * Where the served supergraph comes from: a file ({@code --supergraph}) or the subgraphs themselves
 * ({@code --subgraphs}). Loaded once at start-up, where a failure stops the gateway, then watched:
 * a good change is served without a restart, a bad one is logged and the old one keeps serving.
 */
public interface SupergraphSource extends AutoCloseable {

    /** Loads the supergraph now; throws with the reason when it is unusable. */
    Supergraph load();

    /** Starts watching for changes, handing each good one to {@code served}. */
    void watch(Served served, Duration every);

    /** Whoever serves the supergraph: the gateway, and the audit log's record of what changed. */
    @FunctionalInterface
    interface Served {

        /** Serves {@code supergraph} from now on; {@code sdl} is the supergraph SDL it was read from. */
        void serve(Supergraph supergraph, String sdl);
    }

    @Override
    void close();
}
