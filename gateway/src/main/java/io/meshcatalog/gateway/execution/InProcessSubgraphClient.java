package io.meshcatalog.gateway.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends fetches for in-process subgraphs to them directly and every other fetch to the delegate. */
public final class InProcessSubgraphClient implements SubgraphClient {

    private final SubgraphClient delegate;
    private final Map<String, InProcessSubgraph> local;

    private InProcessSubgraphClient(SubgraphClient delegate, Map<String, InProcessSubgraph> local) {
        this.delegate = delegate;
        this.local = local;
    }

    /** The delegate itself when there is no in-process subgraph. */
    public static SubgraphClient around(SubgraphClient delegate, List<InProcessSubgraph> subgraphs) {
        if (subgraphs.isEmpty()) {
            return delegate;
        }
        Map<String, InProcessSubgraph> byName = new LinkedHashMap<>();
        subgraphs.forEach(subgraph -> byName.put(subgraph.name(), subgraph));
        return new InProcessSubgraphClient(delegate, Map.copyOf(byName));
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        InProcessSubgraph subgraph = local.get(request.subgraph());
        return subgraph == null ? delegate.execute(request) : subgraph.execute(request);
    }
}
