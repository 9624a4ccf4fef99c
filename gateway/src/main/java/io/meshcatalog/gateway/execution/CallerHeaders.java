package io.meshcatalog.gateway.execution;

import java.util.Map;

/**
 * Headers the gateway itself adds to every HTTP fetch for the fetch's caller (the signed caller assertion), after
 * the configured and forwarded ones, so neither a client nor configuration can stand in for them.
 */
@FunctionalInterface
public interface CallerHeaders {

    /** Adds nothing. */
    CallerHeaders NONE = context -> Map.of();

    Map<String, String> headersFor(RequestContext context);
}
