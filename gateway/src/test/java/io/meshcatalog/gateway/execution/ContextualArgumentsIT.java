package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.GoldenCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @fromContext} (golden case {@code context}): ledger's {@code Transaction.amount(currency:)} reads the
 * currency of the user above each transaction. Ada (EUR) has t1 and t2, Bob (USD) t3 and t1, Cy (EUR) t4.
 */
class ContextualArgumentsIT {

    @Test
    void entitiesAreSentOncePerDistinctContextValueEachWithItsOwnValue() {
        try (GoldenCase golden = GoldenCase.start("context")) {
            GatewayCalls.run(golden.gateway(), "{ users { transactions { amount } } }", Map.of());
            // t1 goes twice, once per currency; Ada's and Cy's transactions share a request
            assertThat(golden.subgraph("ledger").requests())
                    .extracting(r -> r.get("variables"))
                    .containsExactlyInAnyOrder(
                            Map.of(
                                    "contextualArgument_3_0",
                                    "EUR",
                                    "representations",
                                    List.of(transaction("t1"), transaction("t2"), transaction("t4"))),
                            Map.of(
                                    "contextualArgument_3_0",
                                    "USD",
                                    "representations",
                                    List.of(transaction("t3"), transaction("t1"))));
        }
    }

    private static Map<String, Object> transaction(String id) {
        return Map.of("__typename", "Transaction", "id", id);
    }
}
