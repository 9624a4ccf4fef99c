package io.meshcatalog.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cost as Apollo's demand control estimates it, with the examples of its documentation: {@code @cost} on types,
 * fields and arguments, {@code @listSize} with an assumed size, slicing arguments and sized fields.
 */
class CostModelTests {

    private static final String DIRECTIVES = """
      directive @link(url: String!, as: String, import: [link__Import]) repeatable on SCHEMA
      scalar link__Import
      directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
      """;

    private static final String SDL = DIRECTIVES + """
      schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"]) { query: Query }
      directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!],
        requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
      type Query {
        book(id: ID): Book
        bestsellers: [Book] @listSize(assumedSize: 5)
        newestAdditions(after: ID, limit: Int!): [Book] @listSize(slicingArguments: ["limit"])
        search(first: Int = 4): BookConnection @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
        expensive(pages: Int @cost(weight: 7)): Int @cost(weight: 30)
      }
      type Book { title: String author: Author publisher: Publisher }
      type Author { name: String }
      type Publisher { name: String address: Address }
      type Address @cost(weight: 5) { zipCode: Int! }
      type BookConnection { edges: [Book] total: Int }
      """;

    private static final GraphQLSchema SCHEMA = LimitsFixture.schema(SDL);
    private static final CostModel COSTS = CostModel.of(SDL);
    private static final String BOOK = "{ title author { name } publisher { name address { zipCode } } }";

    private static double cost(String query) {
        return cost(query, Map.of());
    }

    private static double cost(String query, Map<String, Object> variables) {
        return LimitsFixture.measure(SCHEMA, COSTS, query, variables).cost();
    }

    @Test
    void aTypesWeightReplacesItsDefault() {
        // book 1 + author 1 + publisher 1 + address 5
        assertThat(cost("{ book(id: 1) " + BOOK + " }")).isEqualTo(8);
    }

    @Test
    void anAssumedSizeMultipliesTheListAndWhatItSelects() {
        assertThat(cost("{ bestsellers " + BOOK + " }")).isEqualTo(40);
    }

    @Test
    void aSlicingArgumentSizesTheListFromItsValueOrVariable() {
        assertThat(cost("{ newestAdditions(limit: 3) " + BOOK + " }")).isEqualTo(24);
        String withVariable = "query ($n: Int!) { newestAdditions(limit: $n) " + BOOK + " }";
        // the same parsed document, measured with two values: a measure read from variables is not kept
        Document document = Parser.parse(withVariable);
        OperationMeasurer measurer = new OperationMeasurer(SCHEMA, COSTS, 10);
        OperationDefinition operation =
                document.getDefinitionsOfType(OperationDefinition.class).get(0);
        assertThat(measurer.measure(document, operation, Map.of("n", 7)).cost()).isEqualTo(56);
        assertThat(measurer.measure(document, operation, Map.of("n", 3)).cost()).isEqualTo(24);
    }

    @Test
    void sizedFieldsTakeTheSizeOfTheirConnection() {
        // search 1 + edges (the default first: 4) × book 1
        assertThat(cost("{ search { edges { title } total } }")).isEqualTo(5);
        assertThat(cost("{ search(first: 20) { edges { title } } }")).isEqualTo(21);
    }

    @Test
    void fieldAndArgumentWeightsAddUp() {
        assertThat(cost("{ expensive }")).isEqualTo(30);
        assertThat(cost("{ expensive(pages: 2) }")).isEqualTo(37);
    }

    @Test
    void renamedImportsAreHonoured() {
        String sdl = DIRECTIVES + """
        schema @link(url: "https://specs.apollo.dev/cost/v0.1", as: "price",
            import: [{name: "@listSize", as: "@size"}]) { query: Query }
        directive @price(weight: Int!) on FIELD_DEFINITION | OBJECT
        directive @size(assumedSize: Int) on FIELD_DEFINITION
        type Query { books: [Book] @size(assumedSize: 2) }
        type Book @price(weight: 3) { title: String }
        """;
        assertThat(LimitsFixture.measure(LimitsFixture.schema(sdl), CostModel.of(sdl), "{ books { title } }", Map.of())
                        .cost())
                .isEqualTo(6);
    }

    @Test
    void aWeightThatIsNotANumberIsNamedWithItsCoordinate() {
        String sdl = "type Query { book: Book @cost(weight: \"heavy\") } type Book { title: String }";
        assertThatThrownBy(() -> CostModel.of(sdl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Query.book")
                .hasMessageContaining("\"heavy\"");
    }

    @Test
    void aSchemaWithoutCostDirectivesHasNone() {
        assertThat(CostModel.of(LimitsFixture.SDL)).isSameAs(CostModel.NONE);
    }
}
