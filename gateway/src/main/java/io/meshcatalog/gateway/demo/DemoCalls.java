package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.security.ApiKeys;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** The demo personas' calls to the GraphQL API, made in the gateway's process as their keys would make them. */
final class DemoCalls {

    private final Gateway gateway;
    private final ApiKeys keys;

    DemoCalls(Gateway gateway, ApiKeys keys) {
        this.gateway = gateway;
        this.keys = keys;
    }

    RequestContext as(String keyId) {
        Caller persona = keys.caller(keyId)
                .orElseThrow(() -> new IllegalStateException("the demo persona key " + keyId + " is not configured"));
        // the gateway's own call on the persona's behalf: no client address
        return new RequestContext(persona, Map.of(), "");
    }

    Map<String, Object> run(RequestContext context, String query, Map<String, @Nullable Object> variables) {
        try {
            return gateway.execute(new GatewayRequest(query, null, variables, context, false, true))
                    .get(30, TimeUnit.SECONDS)
                    .body();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    e.getCause() == null ? e.toString() : e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> answer, String field) {
        if (answer.get("errors") != null
                || !(answer.get("data") instanceof Map<?, ?> data)
                || !(data.get(field) instanceof Map<?, ?> value)) {
            throw new IllegalStateException(field + " answered " + answer);
        }
        return (Map<String, Object>) value;
    }
}
