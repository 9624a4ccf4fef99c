package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The request pipeline without HTTP: what a client gets before any subgraph is asked. */
class GatewayTests {

  private static final String LINK =
      "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";

  private final List<SubgraphRequest> fetches = new CopyOnWriteArrayList<>();
  private final List<String> planningThreads = new CopyOnWriteArrayList<>();
  private final Executor planning = task -> {
    planningThreads.add("planner");
    task.run();
  };
  private final Gateway gateway = new Gateway(supergraph(), Map.of(), SubgraphSettings.DEFAULTS,
      new PlanExecutor(request -> {
        fetches.add(request);
        return CompletableFuture.failedFuture(new IllegalStateException("no subgraph in this test"));
      }), new Gateway.Options(OperationLimits.NONE, planning, OverrideLabels.drawn()));

  private static Supergraph supergraph() {
    return new SupergraphParser().parse(new SupergraphComposer().compose(List.of(
        new SubgraphSdl("a", "http://a", LINK + "type Query { t(n: Int): T } type T { x: Int }"),
        new SubgraphSdl("b", "http://b", LINK + "type T { y: Int }"))));
  }

  private Map<String, Object> run(String query) throws Exception {
    return run(query, Map.of());
  }

  private Map<String, Object> run(String query, Map<String, Object> variables) throws Exception {
    return gateway.execute(new GatewayRequest(query, null, variables, RequestContext.anonymous(), false)).get();
  }

  @Test
  void badVariablesAnswerErrorsWithoutDataAndReachNoSubgraph() throws Exception {
    Map<String, Object> response = run("query ($n: Int!) { t(n: $n) { x } }", Map.of("n", "seven"));
    assertThat(response).doesNotContainKey("data");
    assertThat(String.valueOf(response.get("errors"))).contains("Variable 'n'").contains("'Int'");
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
}
