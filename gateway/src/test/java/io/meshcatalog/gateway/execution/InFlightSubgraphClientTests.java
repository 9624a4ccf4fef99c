package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Identical fetches in flight together share one; nothing else is shared, and nothing past the fetch's end. */
class InFlightSubgraphClientTests {

    /** The subgraph as the client sees it: each fetch pending until the test answers it. */
    private final List<CompletableFuture<Map<String, Object>>> sent = new ArrayList<>();

    private final InFlightSubgraphClient client = new InFlightSubgraphClient(
            request -> {
                CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
                sent.add(answer);
                return answer;
            },
            Set.of("payments"));

    private static SubgraphRequest query(String subgraph, Map<String, Object> variables, RequestContext context) {
        return new SubgraphRequest(
                subgraph,
                "http://127.0.0.1:4001/graphql",
                "query($id: ID!) { order(id: $id) { id } }",
                variables,
                SubgraphSettings.DEFAULTS,
                context);
    }

    @Test
    void identicalQueriesInFlightTogetherShareOneFetchAndEachGetsTheAnswer() {
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous())));
        }

        assertThat(sent).hasSize(1);
        sent.get(0)
                .complete(new java.util.LinkedHashMap<>(
                        Map.of("data", new java.util.LinkedHashMap<>(Map.of("order", Map.of("id", "1"))))));
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.join()).isEqualTo(Map.of("data", Map.of("order", Map.of("id", "1")))));
        assertThat(answers.get(1).join())
                .as("each follower its own answer, to change as it merges")
                .isNotSameAs(answers.get(0).join())
                .isNotSameAs(answers.get(2).join());
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void differentVariablesCallersSubgraphsMutationsAndExcludedSubgraphsAreNeverShared() {
        client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        client.execute(query("orders", Map.of("id", "2"), RequestContext.anonymous()));
        client.execute(query("orders", Map.of("id", "1"), RequestContext.internal("someone")));
        client.execute(query("shipping", Map.of("id", "1"), RequestContext.anonymous()));
        SubgraphRequest mutation = new SubgraphRequest(
                "orders",
                "http://127.0.0.1:4001/graphql",
                "mutation { cancel }",
                Map.of(),
                SubgraphSettings.DEFAULTS,
                RequestContext.anonymous(),
                true);
        client.execute(mutation);
        client.execute(mutation);
        client.execute(query("payments", Map.of("id", "1"), RequestContext.anonymous()));
        client.execute(query("payments", Map.of("id", "1"), RequestContext.anonymous()));

        assertThat(sent).hasSize(8);
    }

    @Test
    void aFailureReachesTheRequestsThatWereWaitingAndTheNextOneAsksAgain() {
        CompletableFuture<Map<String, Object>> first =
                client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        CompletableFuture<Map<String, Object>> waiting =
                client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        sent.get(0).completeExceptionally(new IllegalStateException("503 from orders"));

        assertThat(first).isCompletedExceptionally();
        assertThatThrownBy(waiting::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .hasMessage("503 from orders");
        CompletableFuture<Map<String, Object>> later =
                client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        assertThat(sent)
                .as("an error is not shared past the fetch: the next request asks again")
                .hasSize(2);
        sent.get(1).complete(Map.of("data", Map.of()));
        assertThat(later.join()).containsKey("data");
    }

    @Test
    void aFollowerThatGivesUpDoesNotCancelTheFetchForTheOthers() {
        CompletableFuture<Map<String, Object>> leader =
                client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        CompletableFuture<Map<String, Object>> follower =
                client.execute(query("orders", Map.of("id", "1"), RequestContext.anonymous()));
        follower.cancel(true);
        sent.get(0).complete(Map.of("data", Map.of()));

        assertThat(leader.join()).containsKey("data");
    }
}
