package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.CatalogGateway;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A safelist on a gateway with its catalog: {@code /graphql} runs the list's operations only, and the catalog
 * subgraph's own endpoint, which runs any document it is sent, is for admins only.
 */
class CatalogSafelistIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey ANALYST = ApiKeyFormat.generate(RANDOM);
    private static final String SEARCH = "query Find { search(text: \"orders\", first: 5) { totalCount } }";

    @TempDir
    Path dir;

    @Test
    void onlyTheListsOperationsRunAndTheCatalogEndpointIsForAdmins() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(
                manifest,
                GatewayCalls.JSON.writeValueAsString(Map.of(
                        "format",
                        "apollo-persisted-query-manifest",
                        "version",
                        1,
                        "operations",
                        List.of(Map.of("id", "find-v1", "name", "Find", "type", "query", "body", SEARCH)))));
        List<String> args = new ArrayList<>(List.of(
                "--gateway.persisted-documents.manifests=" + manifest, "--gateway.persisted-documents.safelist=true"));
        args.addAll(ConfiguredKeys.args(0, ADMIN, "root", "ADMIN", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(1, ANALYST, "ana", "READER", "", "2099-01-01"));
        try (CatalogGateway gateway = CatalogGateway.start(dir, args)) {
            assertThat(gateway.graphql(ANALYST.key(), SEARCH)
                            .at("/data/search/totalCount")
                            .isNumber())
                    .isTrue();
            HttpResponse<String> byId = gateway.post(
                    "/graphql",
                    ANALYST.key(),
                    GatewayCalls.JSON.writeValueAsString(Map.of(
                            "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "find-v1")))));
            assertThat(GatewayCalls.tree(byId.body())
                            .at("/data/search/totalCount")
                            .isNumber())
                    .as(byId.body())
                    .isTrue();

            String other = GatewayCalls.JSON.writeValueAsString(
                    Map.of("query", "{ search(text: \"orders\") { totalCount " + "edges { node { id } } } }"));
            HttpResponse<String> refused = gateway.post("/graphql", ANALYST.key(), other);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("QUERY_NOT_IN_SAFELIST");

            assertThat(gateway.post("/catalog/graphql", ANALYST.key(), other).statusCode())
                    .as("the subgraph's endpoint would run what /graphql refuses")
                    .isEqualTo(403);
            HttpResponse<String> admin = gateway.post("/catalog/graphql", ADMIN.key(), other);
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(GatewayCalls.tree(admin.body())
                            .at("/data/search/totalCount")
                            .isNumber())
                    .isTrue();
        }
    }
}
