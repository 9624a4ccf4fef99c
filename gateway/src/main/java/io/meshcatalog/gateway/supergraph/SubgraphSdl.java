package io.meshcatalog.gateway.supergraph;

/**
 * A subgraph's schema as it serves it from {@code _service { sdl }}.
 *
 * @param name the subgraph name used in plans and errors
 * @param url where the gateway reaches it
 * @param sdl its federation SDL
 */
public record SubgraphSdl(String name, String url, String sdl) {}
