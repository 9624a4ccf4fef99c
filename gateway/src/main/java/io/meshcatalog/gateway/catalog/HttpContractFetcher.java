package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphClient;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks a subgraph for its catalog contract over the gateway's own subgraph client (same timeouts, same HTTP). */
final class HttpContractFetcher implements ContractFetcher {

    private final SubgraphClient client;
    private final Duration timeout;

    HttpContractFetcher(SubgraphClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Contract fetch(String subgraph, String url, Map<String, String> headers) {
        Map<String, Object> response;
        try {
            response = client.execute(new SubgraphRequest(
                            subgraph,
                            url,
                            QUERY,
                            Map.of(),
                            new SubgraphSettings(null, timeout, headers),
                            RequestContext.internal("catalog-harvest")))
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "unreachable at " + url + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + url + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while harvesting " + url, e);
        }
        if (response.get("data") instanceof Map<?, ?> data
                && data.get("catalogContract") instanceof Map<?, ?> contract
                && contract.get("domain") instanceof String domain
                && contract.get("descriptorYaml") instanceof String yaml) {
            return new Contract(domain, yaml);
        }
        Object errors = response.get("errors");
        throw new IllegalStateException("no catalogContract from " + url
                + (errors instanceof List<?> list && !list.isEmpty() ? ": " + list.get(0) : ""));
    }
}
