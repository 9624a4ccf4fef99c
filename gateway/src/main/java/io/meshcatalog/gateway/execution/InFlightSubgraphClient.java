package io.meshcatalog.gateway.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Outbound in-flight deduplication: identical queries to a subgraph that are in flight at the same time share one
 * fetch ({@link InFlight}). Identical means everything that can change the answer: the subgraph and its URL, the
 * document, the variables, the headers the fetch carries (configured and forwarded) and the caller it is made for.
 * Mutations are never shared. An answer or a failure reaches the requests that were waiting for it and no later one,
 * which asks again; each waiting request gets its own copy of the answer (the executor adopts a root fetch's answer
 * and changes it as it merges: ResultTree.mergeOwned).
 */
public final class InFlightSubgraphClient implements SubgraphClient {

    private final SubgraphClient delegate;
    private final Set<String> excluded;
    private final InFlight<Key, Map<String, Object>> inFlight =
            new InFlight<>(answer -> true, InFlightSubgraphClient::copy);

    /** @param excluded the subgraphs whose fetches are never shared (configured per subgraph) */
    public InFlightSubgraphClient(SubgraphClient delegate, Set<String> excluded) {
        this.delegate = delegate;
        this.excluded = Set.copyOf(excluded);
    }

    /** What makes two fetches the same fetch. */
    record Key(
            String subgraph,
            String url,
            String query,
            Map<String, @Nullable Object> variables,
            Map<String, String> headers,
            Caller caller) {}

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        if (request.mutation() || excluded.contains(request.subgraph())) {
            return delegate.execute(request);
        }
        Key key = new Key(
                request.subgraph(),
                request.url(),
                request.query(),
                request.variables(),
                request.settings().headersFor(request.context()),
                request.context().caller());
        return inFlight.run(key, () -> delegate.execute(request));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> answer) {
        return (Map<String, Object>) ResultTree.copy(answer);
    }

    /** How many distinct fetches are in flight now. */
    int inFlight() {
        return inFlight.size();
    }
}
