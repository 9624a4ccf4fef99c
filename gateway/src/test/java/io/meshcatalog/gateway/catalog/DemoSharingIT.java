package io.meshcatalog.gateway.catalog;

import static io.meshcatalog.gateway.catalog.DemoMesh.value;
import static io.meshcatalog.gateway.catalog.DemoMesh.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sharing story on the demo mesh as {@code --demo} runs it: at start the marketing engineer asks for the
 * CRM contacts for growth-team's ad audiences and the CRM engineer approves, through the API; the governance check
 * then finds the Facebook audience compliant and the Google one flagged. A grant reaches the domain subgraphs in the
 * signed caller: the customers subgraph answers its private product to a granted caller only. A restart tells the
 * story again without a second grant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSharingIT {

    private static final String CUSTOMERS_PRODUCTS = "{ customersProducts { id } }";

    @TempDir
    static Path dataDir;

    private static DemoMesh mesh;

    @BeforeAll
    static void startMesh() {
        mesh = DemoMesh.start(dataDir.resolve("neo4j"));
    }

    @AfterAll
    static void stopMesh() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void theDemoStartsWithOneCompliantAndOneFlaggedFlowOfPersonalData() {
        Map<String, Object> findings = data(mesh.saved("governance-findings.graphql"));

        assertThat(values(findings, "governanceFindings.findings.![consumerName + ': ' + compliant]"))
                .hasSize(2)
                .anySatisfy(
                        flow -> assertThat(flow).asString().contains("Facebook").endsWith(": true"))
                .anySatisfy(
                        flow -> assertThat(flow).asString().contains("Google").endsWith(": false"));
        assertThat(value(findings, "governanceFindings.flagged")).isEqualTo(1);
        String flagged = "governanceFindings.findings.?[compliant == false][0]";
        assertThat(value(findings, flagged + ".purpose")).isEqualTo("search-advertising");
        assertThat(value(findings, flagged + ".piiField")).isEqualTo("customers.contacts.email");
        assertThat(values(findings, flagged + ".teamsToTell")).containsExactly("growth-team", "crm-team");
        assertThat(value(findings, "governanceFindings.findings.?[compliant == true][0].grant"))
                .isNotNull();

        Map<String, Object> grants = data(mesh.saved("product-grants.graphql"));
        assertThat(values(grants, "dataProduct.grants.![grantee + ' ' + purpose + ' ' + requester + ' ' + decidedBy]"))
                .containsExactly("growth-team advertising-audiences marketing-engineer crm-engineer");
        assertThat(Instant.parse((String) value(grants, "dataProduct.grants[0].until")))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(179)), Instant.now().plus(Duration.ofDays(180)));
        assertThat(values(data(mesh.graphqlAs(DemoMesh.MARKETING_KEY, CUSTOMERS_PRODUCTS)), "customersProducts.![id]"))
                .containsExactly("customers.contacts");
    }

    @Test
    @Order(2)
    void aGrantReachesTheDomainSubgraphThroughTheSignedCallerOnlyWhileInForce() {
        assertThat(customersProductsOfTheOrdersEngineer()).isEmpty();

        Map<String, Object> requested = data(mesh.graphqlAs(
                DemoMesh.ORDERS_KEY,
                "mutation { requestAccess(product: "
                        + "\"customers.contacts\", purpose: \"order-support\", until: \""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(30)
                        + "\", forTeam: \"orders-team\") { id status } }"));
        String id = (String) value(requested, "requestAccess.id");
        assertThat(customersProductsOfTheOrdersEngineer()).isEmpty();
        assertThat(values(
                        data(mesh.graphqlAs(DemoMesh.CRM_KEY, "{ pendingAccessRequests { id } }")),
                        "pendingAccessRequests.![id]"))
                .containsExactly(id);

        data(mesh.graphqlAs(
                DemoMesh.CRM_KEY, "mutation { decideAccess(request: \"" + id + "\", approve: true) { id } }"));
        assertThat(customersProductsOfTheOrdersEngineer()).containsExactly("customers.contacts");

        data(mesh.graphqlAs(DemoMesh.CRM_KEY, "mutation { revokeAccess(request: \"" + id + "\") { id } }"));
        assertThat(customersProductsOfTheOrdersEngineer()).isEmpty();
    }

    @Test
    @Order(3)
    void restartingTheDemoTellsTheStoryWithoutASecondGrant() {
        mesh.close();
        mesh = DemoMesh.start(dataDir.resolve("neo4j"));

        assertThat(values(data(mesh.saved("product-grants.graphql")), "dataProduct.grants.![grantee + ' ' + purpose]"))
                .containsExactly("growth-team advertising-audiences");
        assertThat(values(
                        data(mesh.graphqlAs(DemoMesh.MARKETING_KEY, "{ myAccessRequests { productId purpose } }")),
                        "myAccessRequests.![productId + ' ' + purpose]"))
                .containsExactly("customers.contacts advertising-audiences");
    }

    /** The customers subgraph's own root field, asked through the gateway as the orders engineer. */
    private static List<Object> customersProductsOfTheOrdersEngineer() {
        return values(data(mesh.graphqlAs(DemoMesh.ORDERS_KEY, CUSTOMERS_PRODUCTS)), "customersProducts.![id]");
    }

    private static Map<String, Object> data(Map<String, Object> response) {
        assertThat(response).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        return data;
    }
}
