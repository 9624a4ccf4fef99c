package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.GoldenCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --subgraphs}: the gateway composes the supergraph from the subgraphs' own SDL. */
class ComposedSupergraphIT {

    @Test
    void gatewayComposedFromServedSdlAnswersLikeTheGoldenCase() throws Exception {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String name : new String[] {"accounts", "products", "reviews"}) {
                urls.put(name, golden.subgraph(name).url());
            }
            ComposedSupergraph source = new ComposedSupergraph(
                    urls, new HttpSdlFetcher(GatewayCalls.httpClient(), SubgraphSettings.DEFAULTS));
            Gateway gateway = new Gateway(
                    source.load(),
                    Map.of(),
                    SubgraphSettings.DEFAULTS,
                    new PlanExecutor(GatewayCalls.httpClient()),
                    Gateway.Options.defaults());
            Path operations = golden.directory().resolve("operations");
            Map<String, Object> response = GatewayCalls.run(
                    gateway, Files.readString(operations.resolve("topProductsWithReviewAuthors.graphql")), Map.of());
            assertThat(GatewayCalls.tree(response))
                    .isEqualTo(GatewayCalls.tree(
                            Files.readString(operations.resolve("topProductsWithReviewAuthors.response.json"))));
        }
    }

    @Test
    void theSdlIsReadWithTheSubgraphsConfiguredUrlAndHeaders() throws Exception {
        try (GoldenCase golden = GoldenCase.start("entities")) {
            // Listed at an address where nothing answers; the configuration points at the real one and adds
            // credentials.
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("accounts", "http://127.0.0.1:1/graphql");
            urls.put("products", golden.subgraph("products").url());
            urls.put("reviews", golden.subgraph("reviews").url());
            SubgraphSettings accounts = new SubgraphSettings(
                    golden.subgraph("accounts").url(),
                    Duration.ofSeconds(5),
                    Map.of("Authorization", "Bearer sdl-reader"));
            ComposedSupergraph source = new ComposedSupergraph(
                    urls,
                    new HttpSdlFetcher(
                            GatewayCalls.httpClient(),
                            name -> name.equals("accounts") ? accounts : SubgraphSettings.DEFAULTS));

            assertThat(source.load().subgraphs())
                    .extracting(io.meshcatalog.gateway.supergraph.Subgraph::name)
                    .containsExactly("accounts", "products", "reviews");
            assertThat(golden.subgraph("accounts").lastHeaders().getFirst("Authorization"))
                    .isEqualTo("Bearer sdl-reader");
            assertThat(golden.subgraph("products").lastHeaders().getFirst("Authorization"))
                    .isNull();
        }
    }

    @Test
    void unreachableSubgraphStopsStartUpNamingIt() {
        ComposedSupergraph source = new ComposedSupergraph(
                Map.of("ghost", "http://127.0.0.1:1/graphql"),
                new HttpSdlFetcher(
                        GatewayCalls.httpClient(), new SubgraphSettings(null, Duration.ofSeconds(2), Map.of())));
        assertThatThrownBy(source::load).hasMessageContaining("subgraph \"ghost\"");
    }
}
