package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.limits.LimitsFixture;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The request pipeline without HTTP: what a client gets before any subgraph is asked, and which operations it may
 * run (decided on the parsed operation; held to the limits before anything is planned).
 */
class GatewayTests {

    private static final String LINK =
            "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";

    private final List<SubgraphRequest> fetches = new CopyOnWriteArrayList<>();
    private final List<String> planningThreads = new CopyOnWriteArrayList<>();
    private final Executor planning = task -> {
        planningThreads.add("planner");
        task.run();
    };
    private final Gateway gateway = gateway(OperationLimits.NONE);
    private final Gateway limited = gateway(OperationLimits.uniform(LimitSettings.DEFAULTS));

    private Gateway gateway(OperationLimits limits) {
        return new Gateway(
                supergraph(),
                Map.of(),
                SubgraphSettings.DEFAULTS,
                new PlanExecutor(request -> {
                    fetches.add(request);
                    return CompletableFuture.failedFuture(new IllegalStateException("no subgraph in this test"));
                }),
                new Gateway.Options(limits, planning, OverrideLabels.drawn()));
    }

    private static Supergraph supergraph() {
        return new SupergraphParser()
                .parse(new SupergraphComposer()
                        .compose(List.of(
                                new SubgraphSdl(
                                        "a",
                                        "http://a",
                                        LINK + "type Query { t(n: Int): T ts: [T] } type T { x: Int }"
                                                + " type Mutation { m: Int }"),
                                new SubgraphSdl("b", "http://b", LINK + "type T { y: Int }"))));
    }

    private Map<String, Object> run(String query) throws Exception {
        return run(query, Map.of());
    }

    private Map<String, Object> run(String query, Map<String, Object> variables) throws Exception {
        return gateway.execute(new GatewayRequest(query, null, variables, RequestContext.anonymous(), false))
                .get()
                .body();
    }

    /** As a GET would ask: queries only. */
    private GatewayResponse get(Gateway on, String query, String operationName) throws Exception {
        return on.execute(new GatewayRequest(query, operationName, Map.of(), RequestContext.anonymous(), false, false))
                .get();
    }

    private GatewayResponse post(Gateway on, String query, String operationName) throws Exception {
        return on.execute(new GatewayRequest(query, operationName, Map.of(), RequestContext.anonymous(), false, true))
                .get();
    }

    @Test
    void aMutationSelectedByOperationNameIsRefusedWhereOnlyQueriesMayRun() throws Exception {
        String document = "query A { __typename } mutation B { m }";
        GatewayResponse refused = get(gateway, document, "B");
        assertThat(refused.kind()).isEqualTo(GatewayResponse.Kind.MUTATION_NOT_ALLOWED);
        assertThat(String.valueOf(refused.body().get("errors")))
                .contains("operation B is a mutation")
                .contains("POST");
        assertThat(refused.body()).doesNotContainKey("data");

        assertThat(get(gateway, document, "A").body()).containsEntry("data", Map.of("__typename", "Query"));
        assertThat(fetches).isEmpty();
    }

    @Test
    void aMutationPlannedForAPostIsStillRefusedToAGet() throws Exception {
        String document = "mutation B { m } query A { __typename }";
        post(gateway, document, "B");
        int sent = fetches.size();
        assertThat(sent).as("the POST ran the mutation").isEqualTo(1);

        assertThat(get(gateway, document, "B").kind()).isEqualTo(GatewayResponse.Kind.MUTATION_NOT_ALLOWED);
        assertThat(fetches).hasSize(sent);
    }

    private GatewayResponse limitedWithPlan(String query) throws Exception {
        return limited.execute(new GatewayRequest(query, null, Map.of(), RequestContext.anonymous(), true))
                .get();
    }

    @Test
    void exponentialFragmentsAreRefusedBeforeTheyAreValidatedOrPlanned() throws Exception {
        // issue 12's shape: 2^20 leaf spreads in under 1 KB (19.6 s in the planner before any limit)
        GatewayResponse issueTwelve = limitedWithPlan(LimitsFixture.exponentialFragments(20, "ts", "T", "x y"));
        assertThat(issueTwelve.kind()).isEqualTo(GatewayResponse.Kind.REFUSED);
        assertThat(String.valueOf(issueTwelve.body().get("errors")))
                .contains("MAX_FRAGMENT_DEPTH_LIMIT")
                .contains(
                        "the document's fragments spread one another 21 deep, above gateway.limits.max-fragment-depth 20");

        // fifteen levels are within the fragment depth: measured, not expanded, and refused for their height
        GatewayResponse shallower = limitedWithPlan(LimitsFixture.exponentialFragments(15, "ts", "T", "x y"));
        assertThat(String.valueOf(shallower.body().get("errors")))
                .contains("MAX_HEIGHT_LIMIT")
                .contains("the operation's height (its fields, a fragment's each time it is spread) is 65537, above "
                        + "gateway.limits.max-height 400");
        assertThat(shallower.body()).as("no plan was made to print").doesNotContainKeys("extensions", "data");
        assertThat(fetches).isEmpty();
    }

    private static String fragmentChain(int fragments) {
        StringBuilder document = new StringBuilder("{ t { ...F0 } }\n");
        for (int i = 0; i < fragments - 1; i++) {
            document.append("fragment F")
                    .append(i)
                    .append(" on T { ...F")
                    .append(i + 1)
                    .append(" }\n");
        }
        return document.append("fragment F")
                .append(fragments - 1)
                .append(" on T { __typename }")
                .toString();
    }

    @Test
    void aLongChainOfFragmentsIsRefusedBeforeItIsValidated() throws Exception {
        // 1,800 fragments each spreading the next: within the token limit, it overflows graphql-java's validation stack
        // (and 500 of them keep it busy for seconds)
        GatewayResponse refused = limited.execute(
                        new GatewayRequest(fragmentChain(1_800), null, Map.of(), RequestContext.anonymous(), false))
                .get();
        assertThat(refused.kind()).isEqualTo(GatewayResponse.Kind.REFUSED);
        assertThat(String.valueOf(refused.body().get("errors")))
                .contains(
                        "the document's fragments spread one another 1800 deep, above gateway.limits.max-fragment-depth 20");

        GatewayResponse within = limited.execute(
                        new GatewayRequest(fragmentChain(20), null, Map.of(), RequestContext.anonymous(), false))
                .get();
        assertThat(within.kind()).isEqualTo(GatewayResponse.Kind.EXECUTED);
        assertThat(fetches).as("planned and sent").hasSize(1);
    }

    @Test
    void limitsAreAppliedPerCallerEvenToADocumentPlannedBefore() throws Exception {
        LimitSettings shallow = new LimitSettings(1, 0, 0, 0, 0, 10, false, 15_000, 500, 0);
        Gateway perCaller = gateway(new OperationLimits() {
            @Override
            public LimitSettings gatewayWide() {
                return LimitSettings.NONE;
            }

            @Override
            public LimitSettings forCaller(RequestContext context) {
                return context.caller().subject().equals("intern") ? shallow : LimitSettings.NONE;
            }
        });
        String query = "{ t { __typename } }";
        perCaller
                .execute(new GatewayRequest(query, null, Map.of(), RequestContext.anonymous(), false))
                .get();
        RequestContext intern = new RequestContext(
                new Caller(
                        "intern",
                        java.util.Set.of(),
                        java.util.Set.of(),
                        java.util.Set.of(),
                        java.util.Set.of(),
                        "test",
                        null),
                Map.of(),
                "");
        GatewayResponse refused = perCaller
                .execute(new GatewayRequest(query, null, Map.of(), intern, false))
                .get();
        assertThat(String.valueOf(refused.body().get("errors")))
                .contains("the operation's depth is 2, above gateway.limits.max-depth 1");
    }

    @Test
    void badVariablesAnswerErrorsWithoutDataAndReachNoSubgraph() throws Exception {
        Map<String, Object> response = run("query ($n: Int!) { t(n: $n) { x } }", Map.of("n", "seven"));
        assertThat(response).doesNotContainKey("data");
        assertThat(String.valueOf(response.get("errors")))
                .contains("Variable 'n'")
                .contains("'Int'");
        assertThat(fetches).isEmpty();
    }

    @Test
    void aNewDocumentIsPlannedOnThePlanningExecutorAndAKnownOneIsNot() throws Exception {
        run("{ t { x } }");
        run("{ t { x } }");
        assertThat(planningThreads).hasSize(1);
    }

    @Test
    void unplannableOperationAnswersErrorsAndNullData() throws Exception {
        Map<String, Object> response = run("{ t { y } }");
        assertThat(response).containsKey("data").containsEntry("data", null);
        assertThat(String.valueOf(response.get("errors"))).contains("T.y");
    }

    @Test
    void invalidOperationAnswersErrorsWithoutData() throws Exception {
        Map<String, Object> response = run("{ t { nope } }");
        assertThat(response).doesNotContainKey("data");
        assertThat(String.valueOf(response.get("errors"))).contains("nope");
    }

    @Test
    void typenameAtTheRootNeedsNoSubgraph() throws Exception {
        assertThat(run("{ __typename }")).containsEntry("data", Map.of("__typename", "Query"));
    }

    @Test
    void aNewDocumentOfAClientThatHasGoneIsNotPlanned() throws Exception {
        GatewayResponse gone = gateway.execute(new GatewayRequest(
                        "{ t { x y } }", null, Map.of(), RequestContext.anonymous(), false, true, () -> true))
                .get();
        assertThat(gone.kind()).isEqualTo(GatewayResponse.Kind.REFUSED);
        assertThat(String.valueOf(gone.body().get("errors")))
                .contains("CLIENT_CLOSED")
                .contains("the client closed its connection: planning was abandoned");
        assertThat(fetches).isEmpty();
        // nothing was kept for the document: a client that stays gets it planned and run
        assertThat(String.valueOf(run("{ t { x y } }").get("errors"))).doesNotContain("CLIENT_CLOSED");
    }
}
