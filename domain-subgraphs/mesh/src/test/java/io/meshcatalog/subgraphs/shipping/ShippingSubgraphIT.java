package io.meshcatalog.subgraphs.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SubgraphTest(ShippingSubgraph.class)
class ShippingSubgraphIT extends DomainSubgraphContract {

    @Override
    protected String domain() {
        return "shipping";
    }

    @Override
    protected List<String> productIds() {
        return List.of("shipping.shipments", "shipping.delivery_events", "shipping.delay_predictions");
    }

    @Override
    protected List<String> datasetIds() {
        return productIds();
    }

    @Override
    protected List<String> extensionSdl() {
        return List.of("deliverySla: DeliverySla", "onTimeRate: Float", "type DeliverySla");
    }

    @Test
    void delayPredictorIsDerivedFromOrdersReturnsAndShipmentsAndReadByTheFulfillmentDashboardAndQuarterlyReport() {
        JsonNode predictor =
                http.query("""
                { shippingProducts { id tags inputPorts { datasetId }
                    consumers { id kind ownerTeam description external } } }""").path("data").path("shippingProducts").get(2);

        assertThat(predictor.path("id").asString()).isEqualTo("shipping.delay_predictions");
        assertThat(predictor.path("tags").toString()).contains("delays", "ml");
        assertThat(predictor.path("inputPorts").findValuesAsString("datasetId"))
                .containsExactly("orders.orders", "orders.returns", "shipping.shipments");
        JsonNode consumers = predictor.path("consumers");
        assertThat(consumers.findValuesAsString("id"))
                .containsExactly("operations.fulfillment_dashboard", "finance.quarterly_report");
        assertThat(consumers.get(0).path("description").asString()).contains("Head of Operations");
        assertThat(consumers.findValuesAsString("kind")).containsExactly("DASHBOARD", "REPORT");
    }

    @Test
    void delayProbabilityDeclaresFieldLevelLineageToBothShippingDatesAndTheReturnsDates() {
        JsonNode fields = http.query("{ shippingProducts { datasets { fields { ref derivedFrom } } } }")
                .path("data")
                .path("shippingProducts")
                .get(2)
                .path("datasets")
                .get(0)
                .path("fields");

        assertThat(fields.get(2).path("ref").asString()).isEqualTo("shipping.delay_predictions.delay_probability");
        assertThat(fields.get(2).path("derivedFrom").toString())
                .contains(
                        "orders.orders.shipped_at",
                        "orders.orders.shipped_on",
                        "orders.returns.reshipped_at",
                        "shipping.shipments.promised_delivery_date");
    }

    @Test
    void deliveryEventsComeFromTheLogisticsPartnersApi() {
        JsonNode events = http.query("{ shippingProducts { description { purpose } } }")
                .path("data")
                .path("shippingProducts")
                .get(1);

        assertThat(events.path("description").path("purpose").asString()).contains("logistics partner's API");
    }

    @Test
    void productEntitiesCarryTheDeliverySlaAndOnTimeRateShippingAdds() {
        JsonNode entities = http.query(
                        """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on DataProduct { id onTimeRate deliverySla { promisedWorkingDays targetOnTimeRate } }
                  }
                }""",
                        Map.of(
                                "representations",
                                List.of(
                                        Map.of("__typename", "DataProduct", "id", "shipping.delay_predictions"),
                                        Map.of("__typename", "DataProduct", "id", "shipping.delivery_events"))))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).path("onTimeRate").asDouble()).isEqualTo(0.897);
        assertThat(entities.get(0)
                        .path("deliverySla")
                        .path("promisedWorkingDays")
                        .asInt())
                .isEqualTo(3);
        assertThat(entities.get(1).path("onTimeRate").isNull()).isTrue();
        assertThat(entities.get(1).path("deliverySla").isNull()).isTrue();
    }
}
