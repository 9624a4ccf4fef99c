package io.meshcatalog.subgraphs.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.CallerClaims;
import io.meshcatalog.subgraphs.mesh.DomainSubgraphContract;
import io.meshcatalog.subgraphs.mesh.GraphQlHttp;
import io.meshcatalog.subgraphs.mesh.SubgraphTest;
import java.util.List;
import java.util.Set;
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
    void thePrivateContactsAreForTheCrmTeamAndWhomItGrantedAccess() {
        String query = "{ customersProducts { id visibility } }";
        CallerClaims growth = new CallerClaims("lea.fischer", true, false, Set.of("growth-team"), Set.of(), Set.of());
        CallerClaims granted = new CallerClaims(
                "lea.fischer", true, false, Set.of("growth-team"), Set.of(), Set.of("customers.contacts"));
        CallerClaims crm = new CallerClaims("mia.novak", true, false, Set.of("crm-team"), Set.of(), Set.of());

        assertThat(new GraphQlHttp(port(), growth)
                        .query(query)
                        .path("data")
                        .path("customersProducts")
                        .size())
                .isZero();
        for (CallerClaims insider : List.of(granted, crm)) {
            JsonNode contacts =
                    new GraphQlHttp(port(), insider).query(query).path("data").path("customersProducts");
            assertThat(contacts.findValuesAsString("visibility"))
                    .as(insider.subject())
                    .containsExactly("PRIVATE");
        }
    }

    @Test
    void theContactsEmailExamplesAreForCallersWithThePiiScope() {
        String query = "{ customersProducts { datasets { fields { name examples examplesWithheld } } } }";
        CallerClaims crm = new CallerClaims("mia.novak", true, false, Set.of("crm-team"), Set.of(), Set.of());
        CallerClaims piiReader =
                new CallerClaims("mia.novak", true, false, Set.of("crm-team"), Set.of("pii:read"), Set.of());

        JsonNode withheld = new GraphQlHttp(port(), crm)
                .query(query)
                .path("data")
                .path("customersProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields")
                .get(1);
        JsonNode shown = new GraphQlHttp(port(), piiReader)
                .query(query)
                .path("data")
                .path("customersProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields")
                .get(1);

        assertThat(withheld.path("name").asString()).isEqualTo("email");
        assertThat(withheld.path("examplesWithheld").asBoolean()).isTrue();
        assertThat(withheld.path("examples").size()).isZero();
        assertThat(shown.path("examples").get(0).asString()).isEqualTo("ana.silva@example.com");
    }

    @Test
    void contactsCarryTheAcquisitionChannelAndMarkPersonalDataAsPii() {
        JsonNode contacts =
                http.query("""
                { customersProducts { marketingConsentRate
                    datasets { fields { name description classification criticalDataElement } } } }""").path("data").path("customersProducts").get(0);

        JsonNode fields = contacts.path("datasets").get(0).path("fields");
        JsonNode channel = fields.get(4);
        assertThat(channel.path("name").asString()).isEqualTo("acquisition_channel");
        assertThat(channel.path("description").asString()).contains("organic", "leadgen");
        assertThat(channel.path("criticalDataElement").asBoolean()).isTrue();
        assertThat(fields.get(1).path("classification").asString()).isEqualTo("PII");
        assertThat(contacts.path("marketingConsentRate").asDouble()).isEqualTo(0.62);
    }
}
