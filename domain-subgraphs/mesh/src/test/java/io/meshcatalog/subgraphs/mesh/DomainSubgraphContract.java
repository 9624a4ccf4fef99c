package io.meshcatalog.subgraphs.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What every demo domain subgraph must do over HTTP to join the federation; each domain's {@code *IT} extends it
 * with {@code @SubgraphTest(ShippingSubgraph.class)} (see {@link SubgraphTest}) and its own stories.
 */
public abstract class DomainSubgraphContract {

    protected static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                __typename
                ... on DataProduct { id }
                ... on Dataset { id productId }
              }
            }""";

    @LocalServerPort
    int port;

    protected GraphQlHttp http;

    /** The port the subgraph listens on, for clients asserting other callers. */
    protected int port() {
        return port;
    }

    @BeforeEach
    void connect() {
        http = new GraphQlHttp(port);
    }

    /** The domain id, such as {@code shipping}. */
    protected abstract String domain();

    protected abstract List<String> productIds();

    protected abstract List<String> datasetIds();

    /** SDL lines the domain adds to the vocabulary, as {@code _service} prints them. */
    protected abstract List<String> extensionSdl();

    /** The products its descriptor makes public, which a caller without an assertion sees; none by default. */
    protected List<String> publicProductIds() {
        return List.of();
    }

    @Test
    void aCallerTheGatewayDoesNotVouchForSeesThePublicProductsOnly() {
        GraphQlHttp anonymous = new GraphQlHttp(port, null);
        String field = domain() + "Products";

        assertThat(anonymous
                        .query("{ " + field + " { id } }")
                        .path("data")
                        .path(field)
                        .findValuesAsString("id"))
                .containsExactlyElementsOf(publicProductIds());
        JsonNode entities = anonymous
                .query(
                        ENTITIES,
                        Map.of(
                                "representations",
                                productIds().stream()
                                        .map(id -> Map.<String, Object>of("__typename", "DataProduct", "id", id))
                                        .toList()))
                .path("data")
                .path("_entities");
        List<String> resolved = new ArrayList<>();
        entities.forEach(entity -> {
            if (!entity.isNull()) {
                resolved.add(entity.path("id").asString());
            }
        });
        assertThat(resolved).containsExactlyElementsOf(publicProductIds());
    }

    @Test
    void serviceSdlCarriesTheFederationLinkTheKeysAndTheDomainsOwnFields() {
        String sdl = http.query("{ _service { sdl } }")
                .path("data")
                .path("_service")
                .path("sdl")
                .asString();

        assertThat(sdl)
                .containsPattern("@link\\([^)]*url ?: ?\"https://specs.apollo.dev/federation/v2.6\"")
                .containsPattern("type DataProduct @key\\(fields ?: ?\"id\"")
                .containsPattern("type Dataset @key\\(fields ?: ?\"id\"")
                .contains(domain() + "Products: [DataProduct!]!")
                .contains("catalogContract: CatalogContract! @inaccessible");
        extensionSdl().forEach(line -> assertThat(sdl).contains(line));
    }

    @Test
    void entitiesResolveABatchInOrderWithUnknownIdsAsNull() {
        List<Map<String, Object>> representations = new ArrayList<>();
        List<@Nullable String> expected = new ArrayList<>();
        representations.add(Map.of("__typename", "DataProduct", "id", domain() + ".nowhere"));
        expected.add(null);
        for (String id : productIds()) {
            representations.add(Map.of("__typename", "DataProduct", "id", id));
            expected.add(id);
        }
        representations.add(Map.of("__typename", "Dataset", "id", domain() + ".nowhere"));
        expected.add(null);
        List<String> datasets = new ArrayList<>(datasetIds());
        Collections.reverse(datasets);
        for (String id : datasets) {
            representations.add(Map.of("__typename", "Dataset", "id", id));
            expected.add(id);
        }

        JsonNode response = http.query(ENTITIES, Map.of("representations", representations));

        assertThat(response.has("errors")).as("errors in %s", response).isFalse();
        JsonNode entities = response.path("data").path("_entities");
        List<@Nullable String> ids = new ArrayList<>();
        entities.forEach(
                entity -> ids.add(entity.isNull() ? null : entity.path("id").asString()));
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void badRepresentationsGetErrorsNamingTheirIndexWhileTheGoodOnesResolve() {
        JsonNode response = http.query(
                ENTITIES,
                Map.of(
                        "representations",
                        List.of(
                                Map.of(
                                        "__typename",
                                        "Shipment",
                                        "id",
                                        productIds().get(0)),
                                Map.of(
                                        "__typename",
                                        "DataProduct",
                                        "id",
                                        productIds().get(0)),
                                Map.of("__typename", "Dataset", "name", "orders"))));

        assertThat(response.path("data").path("_entities").get(1).path("id").asString())
                .isEqualTo(productIds().get(0));
        assertThat(response.path("errors").findValuesAsString("message"))
                .containsExactlyInAnyOrder(
                        "representation 0: unknown __typename 'Shipment'; this subgraph resolves DataProduct and Dataset",
                        "representation 2: missing key field 'id'");
    }

    @Test
    void catalogContractServesTheDescriptorAsWrittenAndItsProducts() {
        JsonNode contract = http.query("{ catalogContract { domain descriptorYaml products { id } } }")
                .path("data")
                .path("catalogContract");

        assertThat(contract.path("domain").asString()).isEqualTo(domain());
        assertThat(contract.path("descriptorYaml").asString())
                .contains("apiVersion: meshcatalog/v1", "id: " + domain());
        assertThat(contract.path("products").findValuesAsString("id")).containsExactlyElementsOf(productIds());
    }
}
