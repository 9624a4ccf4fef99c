package io.meshcatalog.subgraphs.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What a kit subgraph with a caller secret answers each caller, over real HTTP with signed caller assertions: the
 * depot's private {@code depot.stock} (stock-team) and public {@code depot.picks}, whose picker e-mails are PII.
 */
@SpringBootTest(
        classes = DepotSubgraph.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = Callers.SECRET_PROPERTY)
@ExtendWith(OutputCaptureExtension.class)
class CallerVisibilityIT {

    private static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on DataProduct { id name }
                ... on Dataset { id }
              }
            }""";
    private static final List<Map<String, Object>> STOCK_AND_PICKS = List.of(
            Map.of("__typename", "DataProduct", "id", "depot.stock"),
            Map.of("__typename", "Dataset", "id", "depot.stock"),
            Map.of("__typename", "DataProduct", "id", "depot.picks"),
            Map.of("__typename", "Dataset", "id", "depot.picks"));

    @LocalServerPort
    int port;

    @Test
    void anAnonymousCallerSeesThePublicProductOnly() {
        GraphQlHttp anonymous = new GraphQlHttp(port);

        assertThat(products(anonymous)).containsExactly("depot.picks");
        assertThat(entities(anonymous)).containsExactly(null, null, "depot.picks", "depot.picks");
    }

    @Test
    void anOutsiderSeesWhatAnyAuthenticatedCallerSeesButNotThePrivateProduct() {
        GraphQlHttp outsider = as(Callers.member("olga", Set.of("ads-team"), Set.of(), Set.of()));

        assertThat(products(outsider)).containsExactly("depot.picks");
        assertThat(entities(outsider)).containsExactly(null, null, "depot.picks", "depot.picks");
    }

    @Test
    void theOwningTeamAGrantedCallerAndAnAdminSeeThePrivateProduct() {
        for (CallerClaims insider : List.of(
                Callers.member("lou", Set.of("stock-team"), Set.of(), Set.of()),
                Callers.member("olga", Set.of("ads-team"), Set.of(), Set.of("depot.stock")),
                new CallerClaims("root", true, true, Set.of(), Set.of(), Set.of()))) {
            GraphQlHttp http = as(insider);

            assertThat(products(http)).as(insider.subject()).containsExactly("depot.stock", "depot.picks");
            assertThat(entities(http))
                    .as(insider.subject())
                    .containsExactly("depot.stock", "depot.stock", "depot.picks", "depot.picks");
        }
    }

    @Test
    void examplesOfPersonalDataNeedThePiiScope() {
        String query = "{ depotProducts { datasets { fields { name examples examplesWithheld } } } }";
        JsonNode without = as(Callers.member("olga", Set.of("ads-team"), Set.of(), Set.of()))
                .query(query);
        JsonNode with = as(Callers.member("olga", Set.of("ads-team"), Set.of("pii:read"), Set.of()))
                .query(query);

        JsonNode fields = without.path("data")
                .path("depotProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields");
        assertThat(fields.get(0).path("examples").toString()).isEqualTo("[\"SKU-001\",\"SKU-002\"]");
        assertThat(fields.get(1).path("examples").toString()).isEqualTo("[]");
        assertThat(fields.get(1).path("examplesWithheld").asBoolean()).isTrue();
        JsonNode email = with.path("data")
                .path("depotProducts")
                .get(0)
                .path("datasets")
                .get(0)
                .path("fields")
                .get(1);
        assertThat(email.path("examples").toString()).isEqualTo("[\"kim@example.com\"]");
        assertThat(email.path("examplesWithheld").asBoolean()).isFalse();
    }

    @Test
    void anAssertionSignedWithAnotherSecretCountsAsAnonymousAndIsLoggedWithoutItsToken(CapturedOutput output) {
        String forged = new CallerAssertion(
                        "somebody else's secret of thirty-two bytes!".getBytes(StandardCharsets.UTF_8))
                .sign(Callers.GATEWAY, Instant.now());
        GraphQlHttp forger = new GraphQlHttp(port, Map.of(CallerAssertion.HEADER, forged));

        assertThat(products(forger)).containsExactly("depot.picks");
        assertThat(output.getOut())
                .contains("A request with an invalid caller assertion is answered as anonymous")
                .doesNotContain(forged);
        assertThat(products(new GraphQlHttp(port, Map.of(CallerAssertion.HEADER, "not a token"))))
                .containsExactly("depot.picks");
    }

    @Test
    void theCatalogContractIsForTheGatewayOnly() {
        JsonNode refused = as(Callers.member("lou", Set.of("stock-team"), Set.of(), Set.of()))
                .query("{ catalogContract { domain descriptorYaml } }");
        assertThat(refused.path("data").path("catalogContract").isMissingNode()
                        || refused.path("data").path("catalogContract").isNull())
                .isTrue();
        assertThat(refused.path("errors")
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
        assertThat(new GraphQlHttp(port)
                        .query("{ catalogContract { domain } }")
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("it is for the gateway's harvest");

        JsonNode harvested = as(Callers.GATEWAY).query("{ catalogContract { domain products { id } } }");
        assertThat(harvested
                        .path("data")
                        .path("catalogContract")
                        .path("products")
                        .findValuesAsString("id"))
                .containsExactly("depot.stock", "depot.picks");
    }

    private GraphQlHttp as(CallerClaims claims) {
        return new GraphQlHttp(port, Callers.asserting(claims));
    }

    private static List<String> products(GraphQlHttp http) {
        return http.query("{ depotProducts { id } }")
                .path("data")
                .path("depotProducts")
                .findValuesAsString("id");
    }

    private static List<String> entities(GraphQlHttp http) {
        JsonNode entities = http.query(ENTITIES, Map.of("representations", STOCK_AND_PICKS))
                .path("data")
                .path("_entities");
        List<String> ids = new java.util.ArrayList<>();
        entities.forEach(
                entity -> ids.add(entity.isNull() ? null : entity.path("id").asString()));
        return ids;
    }
}
