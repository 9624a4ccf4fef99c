package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.limits.OperationMeasurer;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog's traversals and searches are costed by what they ask for, as the gateway estimates them from the
 * supergraph it composes with the catalog: the deeper, the larger the page, the more aliases, the higher the cost;
 * what a person asks fits the default budget ({@code gateway.limits.max-cost}), what only a hostile client asks does not.
 */
class CatalogCostTests {

    private static final String SHIPPED_ON = "of: {kind: FIELD, id: \"orders.orders.shipped_on\"}";
    private static final String EVERYTHING = "{ nodes { id } products { id } datasets { id } fields { id } "
            + "consumers { id } ownersToNotify { team members { name } } hidden { team count } }";

    private static OperationMeasurer measurer;

    @BeforeAll
    static void composeWithTheCatalog() throws IOException {
        String sdl;
        try (InputStream in =
                Objects.requireNonNull(CatalogCostTests.class.getResourceAsStream(CatalogSubgraph.SDL_RESOURCE))) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Supergraph supergraph = new SupergraphParser()
                .parse(new SupergraphComposer().compose(List.of(new SubgraphSdl("catalog", "http://catalog", sdl))));
        measurer = new OperationMeasurer(
                supergraph.apiSchema(), CostModel.of(supergraph.sdl()), LimitSettings.DEFAULTS.listSize());
    }

    @Test
    void aDeeperTraversalCostsMore() {
        double shallow = cost("{ impact(" + SHIPPED_ON + ", depth: 2) " + EVERYTHING + " }");
        double deep = cost("{ impact(" + SHIPPED_ON + ", depth: 20) " + EVERYTHING + " }");
        double unstated = cost("{ impact(" + SHIPPED_ON + ") " + EVERYTHING + " }");
        assertThat(deep).isGreaterThan(unstated).isGreaterThan(shallow);
        assertThat(cost("{ lineage(" + SHIPPED_ON + ", depth: 20) { nodes { id } } }"))
                .isGreaterThan(cost("{ lineage(" + SHIPPED_ON + ", depth: 2) { nodes { id } } }"));
        assertThat(cost("{ dataProduct(id: \"orders.orders\") { downstream(depth: 15) { id } } }"))
                .isGreaterThan(cost("{ dataProduct(id: \"orders.orders\") { downstream(depth: 1) { id } } }"));
    }

    @Test
    void aLargerPageAndFacetsCostMore() {
        double page = cost("{ search(text: \"delay\", first: 5) { edges { node { id } } } }");
        double larger = cost("{ search(text: \"delay\", first: 100) { edges { node { id } } } }");
        double withFacets = cost("{ search(text: \"delay\", first: 5) { edges { node { id } } "
                + "facets { domain { value count } } } }");
        assertThat(larger).isGreaterThan(page);
        assertThat(withFacets).isGreaterThan(page);
    }

    @Test
    void eachAliasOfATraversalIsCostedAgain() {
        String one = "impact(" + SHIPPED_ON + ") { depth }";
        double single = cost("{ a: " + one + " }");
        assertThat(cost("{ a: " + one + " b: " + one + " c: " + one + " }")).isEqualTo(3 * single);
        // a traversal weighs its field even when only a scalar of the answer is asked for
        assertThat(single).isGreaterThanOrEqualTo(50);
    }

    @Test
    void whatPeopleAskFitsTheDefaultBudgetAndHostileShapesDoNot() {
        assertThat(refusals("{ impact(" + SHIPPED_ON + ", depth: 20) " + EVERYTHING + " }"))
                .isEmpty();
        assertThat(refusals("{ search(text: \"\", first: 100) { edges { node { id name owner } } totalCount "
                        + "facets { kind { value count } domain { value count } owner { value count } } } }"))
                .isEmpty();

        assertThat(refusals("{ impact(" + SHIPPED_ON + ", depth: 400) " + EVERYTHING + " }"))
                .extracting(LimitRefusal::code)
                .containsExactly("COST_ESTIMATED_TOO_EXPENSIVE");
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            aliases.append(" a")
                    .append(i)
                    .append(": impact(")
                    .append(SHIPPED_ON)
                    .append(", depth: 20) ")
                    .append(EVERYTHING);
        }
        assertThat(refusals(aliases.append(" }").toString()))
                .extracting(LimitRefusal::code)
                .containsExactly("COST_ESTIMATED_TOO_EXPENSIVE");
    }

    private static double cost(String query) {
        Document document = Parser.parse(query);
        return measurer.measure(
                        document,
                        document.getDefinitionsOfType(OperationDefinition.class).get(0),
                        Map.of())
                .cost();
    }

    private static List<LimitRefusal> refusals(String query) {
        Document document = Parser.parse(query);
        return LimitSettings.DEFAULTS.refusals(measurer.measure(
                document,
                document.getDefinitionsOfType(OperationDefinition.class).get(0),
                Map.of()));
    }
}
