package io.meshcatalog.subgraphs.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.GraphQlHttp;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SubgraphTest(FinanceSubgraph.class)
class FinanceSubgraphIT extends DomainSubgraphContract {

    private static final String COSTS = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on DataProduct { id runCostLastMonth { amount currency } lateDeliveryCostPerDay { amount } }
              }
            }""";

    @Override
    protected String domain() {
        return "finance";
    }

    @Override
    protected List<String> productIds() {
        return List.of("finance.daily_revenue", "finance.delay_cost");
    }

    @Override
    protected List<String> datasetIds() {
        return productIds();
    }

    @Override
    protected List<String> extensionSdl() {
        return List.of(
                "lateDeliveryCostPerDay: Money @requires(fields",
                "onTimeRate: Float @external",
                "runCostLastMonth: Money @requiresScopes(scopes : [[\"finance:read\"]])",
                "type Money @shareable");
    }

    @Test
    void lateDeliveryCostIsPricedFromTheOnTimeRateTheGatewaySuppliesFromShipping() {
        Map<String, Object> withRate =
                Map.of("__typename", "DataProduct", "id", "shipping.delay_predictions", "onTimeRate", 0.897);
        Map<String, Object> withNullRate = new HashMap<>(Map.of("__typename", "DataProduct", "id", "orders.orders"));
        withNullRate.put("onTimeRate", null);

        JsonNode entities = http.query(COSTS, Map.of("representations", List.of(withRate, withNullRate)))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).path("lateDeliveryCostPerDay").path("amount").asDouble())
                .isEqualTo(1295.74);
        assertThat(entities.get(1).path("lateDeliveryCostPerDay").isNull()).isTrue();
    }

    @Test
    void financeAddsRunCostsToProductsOfEveryDomainItsLedgerKnows() {
        JsonNode entities = http.query(
                        COSTS,
                        Map.of(
                                "representations",
                                List.of(
                                        Map.of("__typename", "DataProduct", "id", "marketing.lead_acquisition"),
                                        Map.of("__typename", "DataProduct", "id", "marketing.unheard_of"),
                                        Map.of("__typename", "DataProduct", "id", "finance.delay_cost"))))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).path("runCostLastMonth").path("amount").asDouble())
                .isEqualTo(860.0);
        assertThat(entities.get(0).path("runCostLastMonth").path("currency").asString())
                .isEqualTo("EUR");
        assertThat(entities.get(1).isNull()).isTrue();
        assertThat(entities.get(2).path("runCostLastMonth").path("amount").asDouble())
                .isEqualTo(120.0);
    }

    @Test
    void anotherDomainsProductIsAnsweredOnlyToARequestTheGatewayVouchedFor() {
        JsonNode entities = new GraphQlHttp(port(), null)
                .query(
                        COSTS,
                        Map.of(
                                "representations",
                                List.of(Map.of("__typename", "DataProduct", "id", "marketing.lead_acquisition"))))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).isNull()).isTrue();
    }

    @Test
    void delayCostDerivesFromDelayPredictionsAndDailyRevenue() {
        JsonNode product = http.query("{ financeProducts { id inputPorts { datasetId } } }")
                .path("data")
                .path("financeProducts")
                .get(1);

        assertThat(product.path("id").asString()).isEqualTo("finance.delay_cost");
        assertThat(product.path("inputPorts").findValuesAsString("datasetId"))
                .containsExactly("shipping.delay_predictions", "finance.daily_revenue");
    }
}
