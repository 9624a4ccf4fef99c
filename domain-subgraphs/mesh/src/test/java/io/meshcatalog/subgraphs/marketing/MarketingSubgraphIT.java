package io.meshcatalog.subgraphs.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SubgraphTest(MarketingSubgraph.class)
class MarketingSubgraphIT extends DomainSubgraphContract {

    @Override
    protected String domain() {
        return "marketing";
    }

    @Override
    protected List<String> productIds() {
        return List.of("marketing.lead_acquisition");
    }

    @Override
    protected List<String> datasetIds() {
        return List.of("marketing.lead_audience", "marketing.lead_funnel");
    }

    @Override
    protected List<String> extensionSdl() {
        return List.of("adSpendLastMonth: Money @authenticated", "type Money @shareable");
    }

    @Test
    void reverseEtlToFacebookAdsAndGoogleAdsAreExternalConsumersOfCrmData() {
        JsonNode product =
                http.query("""
                { marketingProducts { inputPorts { datasetId } adSpendLastMonth { amount currency }
                    consumers { id kind external destination datasetIds } } }""").path("data").path("marketingProducts").get(0);

        assertThat(product.path("inputPorts").get(0).path("datasetId").asString())
                .isEqualTo("customers.contacts");
        JsonNode consumers = product.path("consumers");
        assertThat(consumers.get(0).path("destination").asString()).isEqualTo("Facebook Ads custom audiences");
        assertThat(consumers.get(1).path("destination").asString()).isEqualTo("Google Ads Customer Match");
        for (JsonNode audience : List.of(consumers.get(0), consumers.get(1))) {
            assertThat(audience.path("kind").asString()).isEqualTo("REVERSE_ETL");
            assertThat(audience.path("external").asBoolean()).isTrue();
            assertThat(audience.path("datasetIds").get(0).asString()).isEqualTo("marketing.lead_audience");
        }
        assertThat(consumers.get(2).path("id").asString()).isEqualTo("marketing.paid_ads_report");
        assertThat(consumers.get(2).path("external").asBoolean()).isFalse();
        assertThat(product.path("adSpendLastMonth").path("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void hashedEmailIsDerivedFromTheCrmEmail() {
        JsonNode hashedEmail = http.query(
                        "{ marketingProducts { datasets { fields { ref classification derivedFrom } } } }")
                .path("data")
                .path("marketingProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields")
                .get(1);

        assertThat(hashedEmail.path("ref").asString()).isEqualTo("marketing.lead_audience.hashed_email");
        assertThat(hashedEmail.path("classification").asString()).isEqualTo("PII");
        assertThat(hashedEmail.path("derivedFrom").get(0).asString()).isEqualTo("customers.contacts.email");
    }
}
