package io.meshcatalog.subgraphs.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SubgraphTest(OrdersSubgraph.class)
class OrdersSubgraphIT extends DomainSubgraphContract {

    @Override
    protected String domain() {
        return "orders";
    }

    @Override
    protected List<String> productIds() {
        return List.of("orders.orders", "orders.returns");
    }

    @Override
    protected List<String> datasetIds() {
        return List.of("orders.orders", "orders.returns");
    }

    @Override
    protected List<String> extensionSdl() {
        return List.of("rowsPerDay: Int");
    }

    @Override
    protected List<String> publicProductIds() {
        return productIds();
    }

    @Test
    void shippedAtAndShippedOnSayWhoShippedAndWhyTheyAreNullForReturns() {
        JsonNode fields = http.query("{ ordersProducts { datasets { id fields { name description } } } }")
                .path("data")
                .path("ordersProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields");

        assertThat(description(fields, "shipped_at"))
                .contains("When WE shipped", "Null for returned and re-shipped", "orders.returns");
        assertThat(description(fields, "shipped_on"))
                .contains("LOGISTICS PARTNER", "Null for returned and re-shipped", "orders.returns");
    }

    @Test
    void returnsCarryTheDatesThatOrdersLeaveNullWithLineageToTheOrder() {
        JsonNode returns = http.query("""
                { ordersProducts { id description { purpose } datasets { fields { name derivedFrom } } } }""").path("data").path("ordersProducts").get(1);

        assertThat(returns.path("description").path("purpose").asString()).contains("orders.orders leaves null");
        assertThat(returns.path("datasets").get(0).path("fields").findValuesAsString("name"))
                .contains("reshipped_at", "reshipped_on");
        assertThat(returns.path("datasets")
                        .get(0)
                        .path("fields")
                        .get(1)
                        .path("derivedFrom")
                        .get(0)
                        .asString())
                .isEqualTo("orders.orders.order_id");
    }

    @Test
    void datasetEntitiesCarryTheDailyVolumeOrdersAdds() {
        JsonNode entities = http.query(
                        """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on Dataset { rowsPerDay } }
                }""",
                        Map.of("representations", List.of(Map.of("__typename", "Dataset", "id", "orders.returns"))))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).path("rowsPerDay").asInt()).isEqualTo(96);
    }

    private static String description(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.path("name").asString().equals(name)) {
                return field.path("description").asString();
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }
}
