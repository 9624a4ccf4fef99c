package io.meshcatalog.gateway.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request to one subgraph and answers its GraphQL response body as a JSON object.
 * Fails the future (never throws) on transport errors, timeouts, non-2xx answers or a body that
 * is not a GraphQL response, so the executor can turn any failure into a response error.
 */
public interface SubgraphClient {

    CompletableFuture<Map<String, Object>> execute(SubgraphRequest request);
}
