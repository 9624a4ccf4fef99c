package io.meshcatalog.gateway.http;

/**
 * Subgraphs that start together with the gateway (the demo's child process): the gateway starts its own parts first
 * (the catalog's graph among them) and waits for them just before it first asks them for their schemas, so that both
 * start-ups overlap. A bean of this type is optional; without one, the subgraphs are asked at once.
 */
@FunctionalInterface
public interface SubgraphsStarting {

    /**
     * Returns once the subgraphs answer.
     *
     * @throws IllegalStateException naming why when they will not (the gateway then does not start)
     */
    void awaitReady();
}
