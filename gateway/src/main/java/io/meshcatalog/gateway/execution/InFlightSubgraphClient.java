package io.meshcatalog.gateway.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Outbound in-flight deduplication: identical queries to a subgraph that are in flight at the same time share one
 * fetch. Identical means everything that can change the answer: the subgraph and its URL, the document, the variables,
 * the headers the fetch carries (configured and forwarded) and the caller it is made for. Mutations are never shared.
 * A fetch is shared only while it is in flight: its answer, an error included, reaches the requests that were waiting
 * for it and no later one, which asks again. Each follower gets its own copy of the answer.
 */
public final class InFlightSubgraphClient implements SubgraphClient {

  private final SubgraphClient delegate;
  private final Set<String> excluded;
  private final Map<Key, Shared> inFlight = new ConcurrentHashMap<>();

  /** @param excluded the subgraphs whose fetches are never shared (configured per subgraph) */
  public InFlightSubgraphClient(SubgraphClient delegate, Set<String> excluded) {
    this.delegate = delegate;
    this.excluded = Set.copyOf(excluded);
  }

  /** What makes two fetches the same fetch. */
  record Key(String subgraph, String url, String query, Map<String, @Nullable Object> variables,
      Map<String, String> headers, Caller caller) {
  }

  /**
   * One fetch in flight and the requests waiting for it. The executor takes a fetch's answer over and changes it as
   * it merges (ResultTree.mergeOwned), so each follower gets its own copy, made before anyone gets the answer.
   */
  private static final class Shared {

    private final List<CompletableFuture<Map<String, Object>>> followers = new ArrayList<>();
    private boolean done;

    /** A new follower, or null once the answer is being handed out (then the caller asks again itself). */
    synchronized @Nullable CompletableFuture<Map<String, Object>> follow() {
      if (done) {
        return null;
      }
      CompletableFuture<Map<String, Object>> follower = new CompletableFuture<>();
      followers.add(follower);
      return follower;
    }

    synchronized List<CompletableFuture<Map<String, Object>>> close() {
      done = true;
      return List.copyOf(followers);
    }
  }

  @Override
  public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
    if (request.mutation() || excluded.contains(request.subgraph())) {
      return delegate.execute(request);
    }
    Key key = new Key(request.subgraph(), request.url(), request.query(), request.variables(),
        request.settings().headersFor(request.context()), request.context().caller());
    Shared mine = new Shared();
    Shared leader = inFlight.putIfAbsent(key, mine);
    if (leader != null) {
      CompletableFuture<Map<String, Object>> follower = leader.follow();
      if (follower != null) {
        return follower;
      }
      return delegate.execute(request); // the shared fetch just ended: its answer is not for later requests
    }
    CompletableFuture<Map<String, Object>> fetch;
    try {
      fetch = delegate.execute(request);
    } catch (RuntimeException e) {
      fetch = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    fetch.whenComplete((response, failure) -> {
      inFlight.remove(key, mine); // before handing out: a request after this one asks again
      List<CompletableFuture<Map<String, Object>>> followers = mine.close();
      if (failure != null) {
        followers.forEach(f -> f.completeExceptionally(failure));
        answer.completeExceptionally(failure);
        return;
      }
      for (CompletableFuture<Map<String, Object>> follower : followers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) ResultTree.copy(response);
        follower.complete(copy);
      }
      answer.complete(response);
    });
    return answer;
  }

  /** How many distinct fetches are in flight now. */
  int inFlight() {
    return inFlight.size();
  }
}
