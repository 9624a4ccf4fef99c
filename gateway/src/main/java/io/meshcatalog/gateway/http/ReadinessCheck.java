package io.meshcatalog.gateway.http;

/**
 * Something the gateway must finish before {@code GET /health} says it is ready, such as the
 * catalog's first harvest: a load balancer or a demo script then never sends a query to a gateway
 * that would answer it from an empty catalog.
 */
public interface ReadinessCheck {

    /** What is awaited, in a few words, for the health answer. */
    String name();

    boolean isReady();
}
