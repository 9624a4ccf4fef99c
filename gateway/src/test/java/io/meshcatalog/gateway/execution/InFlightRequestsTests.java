package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Inbound in-flight deduplication through the whole pipeline, without HTTP: identical queries from one caller in
 * flight together share one execution (the subgraph is asked once, though nothing deduplicates fetches here); a
 * different caller, other forwarded headers, a mutation or an answer with errors each run on their own.
 */
class InFlightRequestsTests {

    private static final String LINK =
            "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";
    private static final String QUERY = "query($n: Int) { t(n: $n) { x } }";

    /** Each fetch pending until the test answers it. */
    private final List<CompletableFuture<Map<String, Object>>> fetches = new CopyOnWriteArrayList<>();

    private Gateway gateway(boolean deduplicate) {
        SubgraphSettings forwarding = new SubgraphSettings(null, Duration.ofSeconds(5), Map.of(), Set.of("x-tenant"));
        return new Gateway(
                supergraph(),
                Map.of(),
                forwarding,
                new PlanExecutor(request -> {
                    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
                    fetches.add(answer);
                    return answer;
                }),
                new Gateway.Options(OperationLimits.NONE, Runnable::run, OverrideLabels.drawn())
                        .deduplicatingRequests(deduplicate));
    }

    private static Supergraph supergraph() {
        return new SupergraphParser()
                .parse(new SupergraphComposer()
                        .compose(List.of(new SubgraphSdl(
                                "a",
                                "http://a",
                                LINK + "type Query { t(n: Int): T } type T { x: Int }"
                                        + " type Mutation { m: Int }"))));
    }

    private static GatewayRequest request(String query, Map<String, Object> variables, RequestContext context) {
        return new GatewayRequest(query, null, variables, context, false);
    }

    private static RequestContext tenant(String tenant) {
        return new RequestContext(
                Caller.ANONYMOUS, Map.of("x-tenant", tenant, "traceparent", "00-" + tenant), "10.0.0.1");
    }

    private static Map<String, Object> data(Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        return answer;
    }

    @Test
    void twentyIdenticalQueriesInFlightShareOneExecutionAndEachGetsTheAnswer() throws Exception {
        Gateway gateway = gateway(true);
        List<CompletableFuture<GatewayResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous())));
        }
        assertThat(fetches).as("the subgraph is asked once for all twenty").hasSize(1);
        fetches.get(0).complete(data(new LinkedHashMap<>(Map.of("t", new LinkedHashMap<>(Map.of("x", 7))))));

        for (CompletableFuture<GatewayResponse> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).body()).isEqualTo(Map.of("data", Map.of("t", Map.of("x", 7))));
        }
        gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous()));
        assertThat(fetches)
                .as("an answer is not shared past its execution: the next request runs again")
                .hasSize(2);
    }

    @Test
    void withDeduplicationOffEveryRequestRunsOnItsOwn() {
        Gateway gateway = gateway(false);
        for (int i = 0; i < 5; i++) {
            gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous()));
        }
        assertThat(fetches).hasSize(5);
    }

    @Test
    void otherVariablesCallersForwardedHeadersAndMutationsRunOnTheirOwn() {
        Gateway gateway = gateway(true);
        gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous()));
        gateway.execute(request(QUERY, Map.of("n", 2), RequestContext.anonymous()));
        gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.internal("someone")));
        gateway.execute(request(QUERY, Map.of("n", 1), tenant("red")));
        gateway.execute(request(QUERY, Map.of("n", 1), tenant("blue")));
        assertThat(fetches).hasSize(5);

        gateway.execute(request(
                QUERY,
                Map.of("n", 1),
                new RequestContext(
                        Caller.ANONYMOUS, Map.of("x-tenant", "red", "traceparent", "00-other"), "10.0.0.2")));
        assertThat(fetches)
                .as("a header no subgraph is sent changes nothing: shared with tenant red's")
                .hasSize(5);

        gateway.execute(request("mutation { m }", Map.of(), RequestContext.anonymous()));
        gateway.execute(request("mutation { m }", Map.of(), RequestContext.anonymous()));
        assertThat(fetches).as("mutations never share").hasSize(7);
    }

    @Test
    void requestsThatWaitedForAnAnswerWithErrorsRunOnTheirOwn() throws Exception {
        Gateway gateway = gateway(true);
        CompletableFuture<GatewayResponse> first =
                gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous()));
        CompletableFuture<GatewayResponse> second =
                gateway.execute(request(QUERY, Map.of("n", 1), RequestContext.anonymous()));
        assertThat(fetches).hasSize(1);
        fetches.get(0).completeExceptionally(new IllegalStateException("503 from a"));

        assertThat(first.get(5, TimeUnit.SECONDS).body()).containsKey("errors");
        assertThat(fetches)
                .as("the waiting request runs itself: its failure is its own")
                .hasSize(2);
        fetches.get(1).complete(data(new LinkedHashMap<>(Map.of("t", new LinkedHashMap<>(Map.of("x", 8))))));
        assertThat(second.get(5, TimeUnit.SECONDS).body()).isEqualTo(Map.of("data", Map.of("t", Map.of("x", 8))));
    }
}
