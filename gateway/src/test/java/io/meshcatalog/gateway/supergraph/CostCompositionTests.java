package io.meshcatalog.gateway.supergraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.gateway.limits.OperationMeasurer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The composer carries each domain's {@code @cost} and {@code @listSize} into the supergraph as Apollo's composition
 * does, so the gateway's estimate of an operation is the one the domains declared.
 */
class CostCompositionTests {

    private static final SubgraphSdl BOOKS = new SubgraphSdl("books", "http://books", """
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9",
        import: ["@key", "@shareable", {name: "@cost", as: "@weight"}, "@listSize"])
      type Query {
        search(first: Int = 5): BookConnection @weight(weight: 10)
          @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
        book(id: ID! @weight(weight: 3)): Book
      }
      type BookConnection { edges: [Book] }
      type Book @key(fields: "id") @weight(weight: 2) { id: ID! title: String @shareable }
      """);

    private static final SubgraphSdl REVIEWS = new SubgraphSdl("reviews", "http://reviews", """
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
      extend schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])
      type Book @key(fields: "id") {
        id: ID!
        title: String @shareable @cost(weight: 4)
        reviews(last: Int): [Review] @listSize(assumedSize: 50, slicingArguments: ["last"],
          requireOneSlicingArgument: false)
      }
      type Review { text: String }
      """);

    @Test
    void costDirectivesOfEverySubgraphAreWrittenUnderTheCostSpec() {
        String sdl = new SupergraphComposer().compose(List.of(BOOKS, REVIEWS));
        assertThat(sdl)
                .contains("@link(url: \"https://specs.apollo.dev/cost/v0.1\", import: [\"@cost\", \"@listSize\"])")
                .contains("directive @cost(weight: Int!)")
                .contains("directive @listSize(assumedSize: Int")
                .contains(
                        "search(first: Int = 5): BookConnection @cost(weight: 10) @listSize(slicingArguments: [\"first\"], "
                                + "sizedFields: [\"edges\"])")
                .contains("book(id: ID! @cost(weight: 3)): Book")
                .contains("  @cost(weight: 2)\n")
                .contains("title: String @cost(weight: 4)")
                .contains(
                        "reviews(last: Int): [Review] @join__field(graph: REVIEWS) @listSize(assumedSize: 50, slicingArguments: [\"last\"], "
                                + "requireOneSlicingArgument: false)")
                .doesNotContain("@weight");
    }

    @Test
    void theGatewayEstimatesFromWhatTheSubgraphsDeclared() {
        Supergraph supergraph = new SupergraphParser().parse(new SupergraphComposer().compose(List.of(BOOKS, REVIEWS)));
        OperationMeasurer measurer = new OperationMeasurer(supergraph.apiSchema(), CostModel.of(supergraph.sdl()), 10);
        // search 10 + first (3) books of weight 2, each with title 4 and 50 reviews of 1
        assertThat(cost(measurer, "{ search(first: 3) { edges { title reviews { text } } } }"))
                .isEqualTo(10 + 3 * (2 + 4 + 50));
        // the argument's weight once, and a slicing argument sizes the list
        assertThat(cost(measurer, "{ book(id: 1) { reviews(last: 2) { text } } }"))
                .isEqualTo(3 + 2 + 2);
        // two aliases cost twice
        assertThat(cost(measurer, "{ a: book(id: 1) { id } b: book(id: 2) { id } }"))
                .isEqualTo(2 * (3 + 2));
    }

    @Test
    void aWeightTwoSubgraphsGiveOneElementIsTheLargest() {
        SubgraphSdl light = new SubgraphSdl("light", "http://light", """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@shareable", "@cost"])
        type Query { price: Int @shareable @cost(weight: 1) }
        """);
        SubgraphSdl heavy = new SubgraphSdl("heavy", "http://heavy", """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@shareable", "@cost"])
        type Query { price: Int @shareable @cost(weight: 40) }
        """);
        assertThat(new SupergraphComposer().compose(List.of(light, heavy)))
                .contains("price: Int @cost(weight: 40)")
                .doesNotContain("@cost(weight: 1)");
    }

    @Test
    void costFromAFederationVersionWithoutItIsRefusedNamingTheSubgraph() {
        assertThatThrownBy(() -> new SupergraphComposer().compose(List.of(new SubgraphSdl("a", "http://a", """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@cost"])
        type Query { x: Int @cost(weight: 5) }
        """))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("subgraph \"a\"")
                .hasMessageContaining("@cost and @listSize need federation v2.9");
    }

    @Test
    void aWeightThatIsNotAnIntIsRefusedNamingWhere() {
        assertThatThrownBy(() -> new SupergraphComposer().compose(List.of(new SubgraphSdl("a", "http://a", """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@cost"])
        type Query { x: Int @cost(weight: -2) }
        """))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("subgraph \"a\", Query.x")
                .hasMessageContaining("weight that is an Int of 0 or more");
    }

    @Test
    void aSupergraphWithoutCostsLinksNoCostSpec() {
        assertThat(new SupergraphComposer().compose(List.of(new SubgraphSdl("a", "http://a", """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
        type Query { x: Int }
        """))))
                .doesNotContain("cost");
    }

    private static double cost(OperationMeasurer measurer, String query) {
        Document document = Parser.parse(query);
        return measurer.measure(
                        document,
                        document.getDefinitionsOfType(OperationDefinition.class).get(0),
                        Map.of())
                .cost();
    }
}
