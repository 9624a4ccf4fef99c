package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ComposedSupergraphTests {

    private static final String LINK =
            "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";

    private final Map<String, String> served = new HashMap<>(Map.of(
            "a", LINK + "type Query { things: [Thing] } type Thing @key(fields: \"id\") { id: ID! }",
            "b", LINK + "type Thing @key(fields: \"id\") { id: ID! size: Int }"));

    private ComposedSupergraph source() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("a", "http://a");
        urls.put("b", "http://b");
        return new ComposedSupergraph(urls, (name, url) -> served.get(name));
    }

    @Test
    void subgraphsSpecKeepsItsOrder() {
        assertThat(ComposedSupergraph.parse("z=http://z, a=http://a").keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> ComposedSupergraph.parse("nourl")).hasMessageContaining("name=url");
    }

    @Test
    void changedSubgraphSdlIsRecomposedWithoutRestart() {
        ComposedSupergraph source = source();
        Gateway gateway = gateway(source.load());
        served.put("b", LINK + "type Thing @key(fields: \"id\") { id: ID! size: Int colour: String }");
        source.recomposeIfChanged((supergraph, sdl) -> gateway.use(supergraph));
        assertThat(gateway.supergraph().type("Thing").orElseThrow().field("colour"))
                .isPresent();
    }

    @Test
    void changedSdlThatDoesNotComposeKeepsTheOldSupergraph() {
        ComposedSupergraph source = source();
        Gateway gateway = gateway(source.load());
        served.put("b", LINK + "interface Thing { id: ID! }");
        source.recomposeIfChanged((supergraph, sdl) -> gateway.use(supergraph));
        assertThat(gateway.supergraph().type("Thing").orElseThrow().field("size"))
                .isPresent();
    }

    private static Gateway gateway(Supergraph supergraph) {
        return new Gateway(
                supergraph,
                Map.of(),
                SubgraphSettings.DEFAULTS,
                new PlanExecutor(request -> CompletableFuture.failedFuture(new IllegalStateException("unused"))),
                Gateway.Options.defaults());
    }
}
