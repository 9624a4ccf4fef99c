package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.parser.Parser;
import io.meshcatalog.gateway.planning.Variables;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shaper against graphql-java, the reference: where it shapes, the response is graphql-java's to the
 * key, value and order; where graphql-java has something to judge, it steps aside.
 */
class ResponseShaperTests {

    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@inaccessible\"])\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Supergraph SUPERGRAPH = new SupergraphParser()
            .parse(new SupergraphComposer().compose(List.of(new SubgraphSdl("a", "http://a", LINK + """
          scalar JSON
          enum Status { LIVE RETIRED SECRET @inaccessible }
          interface Media { id: ID! title: String }
          type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int }
          type Film implements Media @key(fields: "id") { id: ID! title: String minutes: Float }
          union Hit = Book | Film
          type Product @key(fields: "id") {
            id: ID! name: String! price: Float status: Status tags: [String!]! meta: JSON
            related: [Product] owner: Owner
          }
          type Owner { name: String team: String }
          type Query { product(id: ID!): Product products: [Product!]! media: [Media] search: [Hit!] }
          type Mutation { rename(id: ID!, name: String!): Product }
          """))));

    private final ResponseShaper shaper = new ResponseShaper(SUPERGRAPH.apiSchema(), 100);
    private final GraphQL reference = GraphQL.newGraphQL(SUPERGRAPH.apiSchema())
            .queryExecutionStrategy(new ShapingStrategy())
            .mutationExecutionStrategy(new ShapingStrategy())
            .build();

    @Test
    void shapesFieldsAliasesFragmentsAndListsExactlyAsGraphqlJava() {
        String query = """
        query Q { first: product(id: "1") { ...P name owner { name } } products { id ... on Product { price } } }
        fragment P on Product { id name status tags meta related { id name } owner { team } }""";
        String data = """
        {"first": {"id": "1", "name": "Lamp", "status": "LIVE", "tags": ["a", "b"], "meta": {"k": [1, 2]},
                   "related": [{"id": "2", "name": "Desk"}, null], "owner": {"name": "Ann", "team": "lights"}},
         "products": [{"id": "3", "price": 2.5}, {"id": "4", "price": null}],
         "extra": "a key no field asked for"}""";

        Map<String, @Nullable Object> shaped = shapedAsGraphqlJava(query, "Q", data);

        assertThat(shaped.keySet()).containsExactly("first", "products");
        assertThat(JSON.writeValueAsString(shaped.get("first"))).isEqualTo("""
        {"id":"1","name":"Lamp","status":"LIVE","tags":["a","b"],"meta":{"k":[1,2]},"related":[{"id":"2","name":"Desk"},\
        null],"owner":{"team":"lights","name":"Ann"}}""");
    }

    @Test
    void resolvesInterfacesAndUnionsByTypenameWithTypeConditions() {
        String query = """
        { media { __typename id ... on Book { pages } ... on Film { minutes } ...T }
          search { ... on Media { title } ... on Book { id } } }
        fragment T on Media { title }""";
        String data = """
        {"media": [{"__typename": "Book", "id": "b1", "pages": 300, "title": "Dune"},
                   {"__typename": "Film", "id": "f1", "minutes": 155, "title": "Dune"}],
         "search": [{"__typename": "Film", "title": "Heat"}, {"__typename": "Book", "title": "Emma", "id": "b2"}]}""";

        Map<String, @Nullable Object> shaped = shapedAsGraphqlJava(query, null, data);

        // A whole number where the schema says Float reads as graphql-java serialises it: 155.0.
        assertThat(JSON.writeValueAsString(shaped)).isEqualTo("""
        {"media":[{"__typename":"Book","id":"b1","pages":300,"title":"Dune"},\
        {"__typename":"Film","id":"f1","minutes":155.0,"title":"Dune"}],\
        "search":[{"title":"Heat"},{"title":"Emma","id":"b2"}]}""");
    }

    @Test
    void shapesMutationsAndWholeNumberIds() {
        Map<String, @Nullable Object> shaped = shapedAsGraphqlJava(
                "mutation { rename(id: \"7\", name: \"Chair\") { id name } }",
                null,
                "{\"rename\": {\"id\": 7, \"name\": \"Chair\"}}");

        assertThat(JSON.writeValueAsString(shaped)).isEqualTo("{\"rename\":{\"id\":\"7\",\"name\":\"Chair\"}}");
    }

    @Test
    void appliesSkipAndIncludeWithTheRequestsVariablesAsGraphqlJava() {
        String query = """
        query ($on: Boolean!, $off: Boolean = false) {
          products { id name @include(if: $on) price @skip(if: $off) ... on Product @skip(if: true) { tags } }
          first: product(id: "1") { ...P @include(if: $off) status }
        }
        fragment P on Product { name }""";
        String data = """
        {"products": [{"id": "1", "name": "Lamp", "price": 2.5, "tags": ["x"]}],
         "first": {"name": "Desk", "status": "LIVE"}}""";

        Map<String, @Nullable Object> with = shapedAsGraphqlJava(query, null, Map.of("on", true), data);
        Map<String, @Nullable Object> without =
                shapedAsGraphqlJava(query, null, Map.of("on", false, "off", true), data);

        assertThat(JSON.writeValueAsString(with)).isEqualTo("""
        {"products":[{"id":"1","name":"Lamp","price":2.5}],"first":{"status":"LIVE"}}""");
        assertThat(JSON.writeValueAsString(without)).isEqualTo("""
        {"products":[{"id":"1"}],"first":{"name":"Desk","status":"LIVE"}}""");
    }

    @Test
    void leavesOtherDirectivesAndSchemaIntrospectionToGraphqlJava() {
        Map<String, @Nullable Object> data = parse("{\"products\": [{\"id\": \"1\"}]}");

        assertThat(shape("{ products { ... on Product @defer { id } } }", null, data))
                .isNull();
        assertThat(shape("query ($on: Boolean) { products { id @include(if: $on) } }", null, data))
                .as("a condition variable without a value")
                .isNull();
        assertThat(shape("{ __schema { queryType { name } } products { id } }", null, data))
                .isNull();
        assertThat(shape("{ __type(name: \"Product\") { name } products { id } }", null, data))
                .isNull();
    }

    @Test
    void leavesDataThatNeedsJudgementToGraphqlJava() {
        // A null in a non-null position propagates to the parent, with an error.
        assertThat(shape("{ products { id name } }", null, parse("{\"products\": [{\"id\": \"1\", \"name\": null}]}")))
                .isNull();
        // An enum value the API does not have: hidden (@inaccessible) or unknown.
        assertThat(shape("{ product(id: \"1\") { status } }", null, parse("{\"product\": {\"status\": \"SECRET\"}}")))
                .isNull();
        assertThat(shape("{ product(id: \"1\") { status } }", null, parse("{\"product\": {\"status\": \"GONE\"}}")))
                .isNull();
        // A concrete type that is not a possible type of the field.
        assertThat(shape("{ search { __typename } }", null, parse("{\"search\": [{\"__typename\": \"Product\"}]}")))
                .isNull();
        // Built-in scalars in a form that needs coercion or an error.
        assertThat(shape(
                        "{ media { ... on Book { pages } } }",
                        null,
                        parse("{\"media\": [{\"__typename\": \"Book\", \"pages\": 2.5}]}")))
                .isNull();
        assertThat(shape("{ product(id: \"1\") { name } }", null, parse("{\"product\": {\"name\": 12}}")))
                .isNull();
        // A list where an object belongs, and an object where a list belongs.
        assertThat(shape("{ product(id: \"1\") { id } }", null, parse("{\"product\": [{\"id\": \"1\"}]}")))
                .isNull();
        assertThat(shape("{ products { id } }", null, parse("{\"products\": {\"id\": \"1\"}}")))
                .isNull();
    }

    @Test
    void operationIsPickedByName() {
        String query = "query A { products { id } } query B { media { id } }";
        Map<String, @Nullable Object> data = parse("{\"products\": [{\"id\": \"1\"}], \"media\": null}");

        assertThat(shape(query, "A", data)).containsOnlyKeys("products");
        assertThat(shape(query, "B", data)).containsOnlyKeys("media");
    }

    private Map<String, @Nullable Object> shapedAsGraphqlJava(
            String query, @Nullable String operationName, String json) {
        return shapedAsGraphqlJava(query, operationName, Map.of(), json);
    }

    /** Shapes the data, asserts graphql-java shapes it the same without errors, and returns it. */
    private Map<String, @Nullable Object> shapedAsGraphqlJava(
            String query, @Nullable String operationName, Map<String, Object> variables, String json) {
        Map<String, @Nullable Object> data = parse(json);
        Map<String, @Nullable Object> shaped = shape(query, operationName, variables, data);
        ExecutionInput.Builder input =
                ExecutionInput.newExecutionInput(query).variables(variables).root(data);
        if (operationName != null) {
            input.operationName(operationName);
        }
        ExecutionResult expected = reference.execute(input.build());

        assertThat(expected.getErrors()).isEmpty();
        assertThat(shaped).as("shaped by the shaper").isNotNull();
        assertThat(JSON.writeValueAsString(shaped)).isEqualTo(JSON.writeValueAsString(expected.getData()));
        return shaped;
    }

    private @Nullable Map<String, @Nullable Object> shape(
            String query, @Nullable String operationName, Map<String, @Nullable Object> data) {
        return shape(query, operationName, Map.of(), data);
    }

    private @Nullable Map<String, @Nullable Object> shape(
            String query,
            @Nullable String operationName,
            Map<String, Object> variables,
            Map<String, @Nullable Object> data) {
        Document document = Parser.parse(query);
        Map<String, @Nullable Object> values =
                Variables.withDefaults(document, operationName, new HashMap<>(variables));
        return shaper.shape(query, document, operationName, values, data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> parse(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }
}
