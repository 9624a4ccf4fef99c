package io.meshcatalog.subgraphs.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SubgraphTest(CustomersSubgraph.class)
class CustomersSubgraphIT extends DomainSubgraphContract {

    @Override
    protected String domain() {
        return "customers";
    }

    @Override
    protected List<String> productIds() {
        return List.of("customers.contacts");
    }

    @Override
    protected List<String> datasetIds() {
        return List.of("customers.contacts");
    }

    @Override
    protected List<String> extensionSdl() {
        return List.of("marketingConsentRate: Float @requiresScopes(scopes : [[\"crm:read\"]])");
    }

    @Test
    void contactsCarryTheAcquisitionChannelAndMarkPersonalDataAsPii() {
        JsonNode contacts = http.query("""
                { customersProducts { marketingConsentRate
                    datasets { fields { name description classification criticalDataElement } } } }""")
                .path("data").path("customersProducts").get(0);

        JsonNode fields = contacts.path("datasets").get(0).path("fields");
        JsonNode channel = fields.get(4);
        assertThat(channel.path("name").asString()).isEqualTo("acquisition_channel");
        assertThat(channel.path("description").asString()).contains("organic", "leadgen");
        assertThat(channel.path("criticalDataElement").asBoolean()).isTrue();
        assertThat(fields.get(1).path("classification").asString()).isEqualTo("PII");
        assertThat(contacts.path("marketingConsentRate").asDouble()).isEqualTo(0.62);
    }
}
