package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.GoldenCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How plans run against real subgraphs: a subgraph that fails, times out or answers garbage costs
 * only its part of the response; entity fetches are batched; independent fetches overlap.
 */
class PlanExecutionIT {

    private static final String TOP_PRODUCTS = "{ topProducts { name reviews { body author { name } } } }";

    @Test
    void failingSubgraphKeepsTheRestOfTheData() {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            golden.subgraph("reviews").fail();
            JsonNode response = GatewayCalls.tree(GatewayCalls.run(golden.gateway(), TOP_PRODUCTS, Map.of()));
            assertThat(response.at("/data/topProducts/0/name").asString()).isEqualTo("Table");
            assertThat(response.at("/data/topProducts/0/reviews").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asString()).contains("HTTP fetch failed from 'reviews'");
            assertThat(response.at("/errors/0/path").toString()).isEqualTo("[\"topProducts\",0]");
            assertThat(response.at("/errors/0/extensions/service").asString()).isEqualTo("reviews");
        }
    }

    @Test
    void garbageResponseBecomesAnError() {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            golden.subgraph("accounts").answerRaw("<html>oops</html>");
            JsonNode response = GatewayCalls.tree(GatewayCalls.run(golden.gateway(), TOP_PRODUCTS, Map.of()));
            assertThat(response.at("/data/topProducts/0/reviews/0/body").asString())
                    .isEqualTo("Love it!");
            assertThat(response.at("/data/topProducts/0/reviews/0/author/name").isNull())
                    .isTrue();
            assertThat(response.at("/errors/0/message").asString())
                    .contains("accounts")
                    .contains("not JSON");
        }
    }

    @Test
    void slowSubgraphTimesOutIntoAnError() {
        try (GoldenCase golden = GoldenCase.start("entities", Duration.ofMillis(300))) {
            golden.subgraph("accounts").delay(3_000);
            JsonNode response = GatewayCalls.tree(
                    GatewayCalls.run(golden.gateway(), "{ me { name } topProducts { name } }", Map.of()));
            assertThat(response.at("/data/me").isNull()).isTrue();
            assertThat(response.at("/data/topProducts/0/name").asString()).isEqualTo("Table");
            assertThat(response.at("/errors/0/message").asString()).contains("timed out");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void entitiesAreBatchedAndDeduplicatedPerFetch() {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            GatewayCalls.run(golden.gateway(), TOP_PRODUCTS, Map.of());
            List<Map<String, Object>> requests = golden.subgraph("accounts").requests();
            assertThat(requests).hasSize(1);
            Map<String, Object> variables =
                    (Map<String, Object>) requests.get(0).get("variables");
            // Three reviews by two authors: one fetch, two representations.
            assertThat((List<Object>) variables.get("representations"))
                    .containsExactly(Map.of("__typename", "User", "id", "1"), Map.of("__typename", "User", "id", "2"));
            assertThat(golden.subgraph("reviews").requests()).hasSize(1);
        }
    }

    @Test
    void mutationsReachSubgraphsInDocumentOrder() {
        try (GoldenCase golden = GoldenCase.start("mutations")) {
            GatewayCalls.run(
                    golden.gateway(),
                    "mutation { a: createUser(name: \"A\") { id } b: placeOrder(userId: \"u7\") { id } c: createUser(name: \"C\") { id } }",
                    Map.of());
            List<Map<String, Object>> accounts = golden.subgraph("accounts").requests();
            List<Map<String, Object>> orders = golden.subgraph("orders").requests();
            assertThat(accounts).hasSize(2);
            assertThat(orders).hasSize(1);
            assertThat(String.valueOf(accounts.get(0).get("query"))).contains("a: createUser");
            assertThat(String.valueOf(accounts.get(1).get("query"))).contains("c: createUser");
        }
    }

    @Test
    void mutationWithBadVariablesReachesNoSubgraph() {
        try (GoldenCase golden = GoldenCase.start("mutations")) {
            JsonNode response = GatewayCalls.tree(GatewayCalls.run(
                    golden.gateway(), "mutation ($name: String!) { createUser(name: $name) { id } }", Map.of()));
            assertThat(response.at("/errors/0/message").asString()).contains("name");
            assertThat(golden.subgraph("accounts").requests()).isEmpty();
        }
    }

    @Test
    void unknownConcreteTypeFromASubgraphBecomesAnErrorNotAFailure() {
        try (GoldenCase golden = GoldenCase.start("abstract")) {
            golden.subgraph("books")
                    .answerRaw("{\"data\":{\"media\":[{\"__typename\":\"Ghost\",\"title\":\"x\"},"
                            + "{\"__typename\":\"Book\",\"title\":\"Dune\"}]}}");
            JsonNode response = GatewayCalls.tree(GatewayCalls.run(golden.gateway(), "{ media { title } }", Map.of()));
            assertThat(response.at("/data/media/1/title").asString()).isEqualTo("Dune");
            assertThat(response.at("/data/media/0").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asString()).contains("Ghost");
        }
    }

    @Test
    void independentFetchesRunInParallel() {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            golden.subgraph("accounts").delay(800);
            golden.subgraph("products").delay(800);
            long start = System.nanoTime();
            JsonNode response = GatewayCalls.tree(
                    GatewayCalls.run(golden.gateway(), "{ me { name } topProducts { name } }", Map.of()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.at("/data/me/name").asString()).isEqualTo("Ada Lovelace");
            // One after the other would take at least 1600 ms.
            assertThat(millis).isLessThan(1_500);
        }
    }
}
