package io.meshcatalog.gateway.execution;

import io.opentelemetry.context.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One GraphQL request to a subgraph.
 *
 * @param subgraph the subgraph name, for errors and logs
 * @param url where to send it
 * @param query the operation text
 * @param variables the variables, {@code representations} included for entity fetches
 * @param settings timeout and headers
 * @param context the client request this fetch serves: its caller and the headers that may be forwarded
 * @param mutation whether the operation is a mutation, as the plan says: such a request is never sent twice
 */
public record SubgraphRequest(
        String subgraph,
        String url,
        String query,
        Map<String, @Nullable Object> variables,
        SubgraphSettings settings,
        RequestContext context,
        boolean mutation) {

    /** A query. */
    public SubgraphRequest(
            String subgraph,
            String url,
            String query,
            Map<String, @Nullable Object> variables,
            SubgraphSettings settings,
            RequestContext context) {
        this(subgraph, url, query, variables, settings, context, false);
    }

    /** The same request, within this trace context. */
    public SubgraphRequest within(Context trace) {
        return new SubgraphRequest(subgraph, url, query, variables, settings, context.within(trace), mutation);
    }
}
