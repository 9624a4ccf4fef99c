package io.meshcatalog.subgraphs.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Federation v2 subgraph protocol of a kit subgraph, over real HTTP, called as the gateway calls it for its own
 * harvest: with a caller assertion that sees everything.
 */
@SpringBootTest(
        classes = DepotSubgraph.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = Callers.SECRET_PROPERTY)
class SubgraphProtocolIT {

    private static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                __typename
                ... on DataProduct { id name }
                ... on Dataset { id productId }
              }
            }""";

    @LocalServerPort
    int port;

    GraphQlHttp http;

    @BeforeEach
    void connect() {
        http = new GraphQlHttp(port, Callers.asserting(Callers.GATEWAY));
    }

    @Test
    void serviceSdlCarriesTheFederationLinkAndTheKeys() {
        String sdl = http.query("{ _service { sdl } }")
                .path("data")
                .path("_service")
                .path("sdl")
                .asString();

        assertThat(sdl)
                .containsPattern("schema @link\\([^)]*url ?: ?\"https://specs.apollo.dev/federation/v2.6\"")
                .containsPattern("type DataProduct @key\\(fields ?: ?\"id\"")
                .containsPattern("type Dataset @key\\(fields ?: ?\"id\"")
                .contains("catalogContract: CatalogContract!")
                .contains("depotProducts: [DataProduct!]!")
                .contains("shelves: Int");
    }

    @Test
    void entitiesResolvesABatchInOrderWithUnknownIdsAsNull() {
        JsonNode response = http.query(
                ENTITIES,
                Map.of(
                        "representations",
                        List.of(
                                Map.of("__typename", "Dataset", "id", "depot.picks"),
                                Map.of("__typename", "DataProduct", "id", "depot.nowhere"),
                                Map.of("__typename", "DataProduct", "id", "depot.stock"),
                                Map.of("__typename", "Dataset", "id", "orders.orders"),
                                Map.of("__typename", "DataProduct", "id", "depot.picks"))));

        assertThat(response.has("errors")).as("errors in %s", response).isFalse();
        JsonNode entities = response.path("data").path("_entities");
        assertThat(entities.size()).isEqualTo(5);
        assertThat(entities.get(0).path("productId").asString()).isEqualTo("depot.picks");
        assertThat(entities.get(1).isNull()).isTrue();
        assertThat(entities.get(2).path("name").asString()).isEqualTo("Stock");
        assertThat(entities.get(3).isNull()).isTrue();
        assertThat(entities.get(4).path("__typename").asString()).isEqualTo("DataProduct");
        assertThat(entities.get(4).path("name").asString()).isEqualTo("Picks");
    }

    @Test
    void entitiesResolveTheDomainExtensionFields() {
        JsonNode entities = http.query(
                        """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on DataProduct { id shelves } }
                }""",
                        Map.of(
                                "representations",
                                List.of(
                                        Map.of("__typename", "DataProduct", "id", "depot.stock"),
                                        Map.of("__typename", "DataProduct", "id", "depot.picks"))))
                .path("data")
                .path("_entities");

        assertThat(entities.get(0).path("shelves").asInt()).isEqualTo(42);
        assertThat(entities.get(1).path("shelves").isNull()).isTrue();
    }

    @Test
    void aDocumentSentAgainRunsWithItsOwnVariablesAndOperationName() {
        String document = """
                query Names($representations: [_Any!]!) { _entities(representations: $representations) { ... on DataProduct { name } } }
                query Shelves($representations: [_Any!]!) { _entities(representations: $representations) { ... on DataProduct { shelves } } }""";
        Map<String, Object> stock =
                Map.of("representations", List.of(Map.of("__typename", "DataProduct", "id", "depot.stock")));
        Map<String, Object> picks =
                Map.of("representations", List.of(Map.of("__typename", "DataProduct", "id", "depot.picks")));

        JsonNode stockName = post(document, "Names", stock);
        JsonNode picksName = post(document, "Names", picks);
        JsonNode stockShelves = post(document, "Shelves", stock);

        assertThat(stockName.path("data").path("_entities").get(0).path("name").asString())
                .isEqualTo("Stock");
        assertThat(picksName.path("data").path("_entities").get(0).path("name").asString())
                .isEqualTo("Picks");
        assertThat(stockShelves
                        .path("data")
                        .path("_entities")
                        .get(0)
                        .path("shelves")
                        .asInt())
                .isEqualTo(42);
    }

    @Test
    void anInvalidDocumentSentAgainIsRefusedAgain() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            JsonNode response = http.query("{ depotProducts { id colour } }");

            assertThat(response.has("data"))
                    .as("attempt %d: %s", attempt, response)
                    .isFalse();
            assertThat(response.path("errors").get(0).path("message").asString())
                    .as("attempt %d", attempt)
                    .contains("colour")
                    .contains("DataProduct");
        }
    }

    private JsonNode post(String document, String operationName, Map<String, Object> variables) {
        return GraphQlHttp.parse(http.post(GraphQlHttp.json(
                        Map.of("query", document, "operationName", operationName, "variables", variables)))
                .body());
    }

    @Test
    void unknownTypenameIsAnErrorNamingTheRepresentationWhileTheOthersResolve() {
        JsonNode response = http.query(
                ENTITIES,
                Map.of(
                        "representations",
                        List.of(
                                Map.of("__typename", "DataProduct", "id", "depot.stock"),
                                Map.of("__typename", "Warehouse", "id", "depot.stock"))));

        JsonNode entities = response.path("data").path("_entities");
        assertThat(entities.get(0).path("id").asString()).isEqualTo("depot.stock");
        assertThat(entities.get(1).isNull()).isTrue();
        JsonNode error = response.path("errors").get(0);
        assertThat(error.path("message").asString())
                .isEqualTo(
                        "representation 1: unknown __typename 'Warehouse'; this subgraph resolves DataProduct and Dataset");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("path").toString()).isEqualTo("[\"_entities\",1]");
    }

    @Test
    void missingTypenameOrKeyFieldIsAnErrorNamingTheRepresentation() {
        JsonNode response = http.query(
                ENTITIES,
                Map.of(
                        "representations",
                        List.of(
                                Map.of("__typename", "DataProduct"),
                                Map.of("id", "depot.stock"),
                                Map.of("__typename", "Dataset", "id", 7),
                                Map.of("__typename", "Dataset", "id", "depot.stock"))));

        JsonNode entities = response.path("data").path("_entities");
        assertThat(entities.get(0).isNull()).isTrue();
        assertThat(entities.get(1).isNull()).isTrue();
        assertThat(entities.get(2).isNull()).isTrue();
        assertThat(entities.get(3).path("id").asString()).isEqualTo("depot.stock");
        assertThat(response.path("errors").findValuesAsString("message"))
                .containsExactlyInAnyOrder(
                        "representation 0: missing key field 'id'",
                        "representation 1: missing __typename",
                        "representation 2: key field 'id' must be a non-empty string, not 7");
    }

    @Test
    void representationThatIsNotAnObjectIsAnError() {
        JsonNode response = http.query(
                ENTITIES,
                Map.of(
                        "representations",
                        List.of(Map.of("__typename", "DataProduct", "id", "depot.stock"), "depot.picks")));

        assertThat(response.path("errors").get(0).path("message").asString())
                .isEqualTo("representation 1: expected an object with __typename and the key fields, not depot.picks");
    }

    @Test
    void malformedJsonGetsAGraphQlErrorNotAServerError() {
        HttpResponse<String> response = http.post("{\"query\": \"{ _service { sdl } }\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GraphQlHttp.parse(response.body())
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("Malformed JSON request body");
    }

    @Test
    void bodyThatIsNotARequestObjectGetsAGraphQlErrorNotAServerError() {
        HttpResponse<String> response = http.post("[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GraphQlHttp.parse(response.body())
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("The request body must be a JSON object with a \"query\" string");
    }

    @Test
    void requestWithoutQueryGetsAGraphQlErrorNotAServerError() {
        HttpResponse<String> response = http.post("{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GraphQlHttp.parse(response.body()).path("errors").size()).isPositive();
    }

    @Test
    void unsupportedContentTypeGetsAGraphQlError() {
        HttpResponse<String> response = http.post("{ _service { sdl } }", "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(GraphQlHttp.parse(response.body())
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("text/plain");
    }

    @Test
    void catalogContractServesTheDescriptorAsWrittenAndItsProducts() {
        JsonNode contract = http.query("""
                { catalogContract { domain descriptorYaml products { id ownerInherited owner { name } } } }""").path("data").path("catalogContract");

        assertThat(contract.path("domain").asString()).isEqualTo("depot");
        assertThat(contract.path("descriptorYaml").asString()).startsWith("# A two-product domain");
        assertThat(contract.path("products").findValuesAsString("id")).containsExactly("depot.stock", "depot.picks");
        assertThat(contract.path("products").get(0).path("owner").path("name").asString())
                .isEqualTo("stock-team");
        assertThat(contract.path("products").get(1).path("ownerInherited").asBoolean())
                .isTrue();
        assertThat(contract.path("products").get(1).path("owner").path("name").asString())
                .isEqualTo("depot-team");
    }

    @Test
    void domainRootQueryServesTheVocabularyWithFieldLineage() {
        JsonNode picks = http.query("""
                { depotProducts { id status inputPorts { datasetId }
                    consumers { id kind datasetIds }
                    datasets { id fields { ref derivedFrom transformDescription classification } } } }""").path("data").path("depotProducts").get(1);

        assertThat(picks.path("status").asString()).isEqualTo("DRAFT");
        assertThat(picks.path("inputPorts").get(0).path("datasetId").asString()).isEqualTo("depot.stock");
        assertThat(picks.path("consumers").get(0).path("kind").asString()).isEqualTo("DASHBOARD");
        assertThat(picks.path("consumers").get(0).path("datasetIds").get(0).asString())
                .isEqualTo("depot.picks");
        JsonNode sku = picks.path("datasets").get(0).path("fields").get(0);
        assertThat(sku.path("ref").asString()).isEqualTo("depot.picks.sku");
        assertThat(sku.path("derivedFrom").get(0).asString()).isEqualTo("depot.stock.sku");
        assertThat(sku.path("classification").isNull()).isTrue();
    }
}
