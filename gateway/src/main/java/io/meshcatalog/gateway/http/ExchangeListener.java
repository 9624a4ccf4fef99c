package io.meshcatalog.gateway.http;

/**
 * Told of every request the server read and answered (not of those refused while being read, for a body or headers
 * over the limits), on the event loop, after the answer is made: it must be quick and must
 * not block (a failure is logged and ignored).
 */
@FunctionalInterface
public interface ExchangeListener {

    void answered(Exchange exchange);
}
