package io.meshcatalog.gateway.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A subgraph that runs inside the gateway's process, such as the built-in catalog: it joins
 * composition with its SDL like any other, and its fetches are answered by a method call instead
 * of a loopback HTTP round trip.
 */
public interface InProcessSubgraph {

    /** The subgraph name in the supergraph ({@code join__Graph}). */
    String name();

    /** Where the same subgraph is served over HTTP, for tools outside the gateway. */
    String url();

    /** Its federation SDL, as {@code _service { sdl }} would answer. */
    String sdl();

    /** Runs one subgraph operation; like {@link SubgraphClient}, fails the future rather than throwing. */
    CompletableFuture<Map<String, Object>> execute(SubgraphRequest request);
}
