package io.meshcatalog.gateway.supergraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SupergraphParserTests {

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/golden", name, "supergraph.graphql"));
    }

    @Test
    void subgraphsComeFromJoinGraphWithNamesAndUrls() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("entities"));
        assertThat(supergraph.subgraphs())
                .extracting(Subgraph::name)
                .containsExactly("accounts", "products", "reviews");
        assertThat(supergraph.subgraph("reviews").orElseThrow().url()).isEqualTo("http://reviews.invalid/graphql");
        assertThat(supergraph.subgraph("reviews").orElseThrow().enumValue()).isEqualTo("REVIEWS");
    }

    @Test
    void entityKeysAndFieldPresenceArePerSubgraph() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("entities"));
        TypeDef product = supergraph.type("Product").orElseThrow();
        assertThat(product.graphs()).containsExactly("products", "reviews");
        assertThat(product.resolvableKeys("reviews")).extracting(FieldSet::text).containsExactly("upc");
        assertThat(supergraph.resolvable("Product", "name", "products")).isTrue();
        assertThat(supergraph.resolvable("Product", "name", "reviews")).isFalse();
        assertThat(supergraph.resolvable("Product", "upc", "reviews")).isTrue();
        assertThat(supergraph.graphsResolving("Product", "reviews")).containsExactly("reviews");
    }

    @Test
    void requiresAndExternalAreReadFromJoinField() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("requires"));
        FieldDef estimate = supergraph
                .type("Product")
                .orElseThrow()
                .field("shippingEstimate")
                .orElseThrow();
        assertThat(estimate.join("inventory").orElseThrow().requires().text()).isEqualTo("price weight");
        assertThat(supergraph.resolvable("Product", "weight", "inventory")).isFalse();
        assertThat(supergraph.resolvable("Product", "weight", "products")).isTrue();
    }

    @Test
    void abstractTypesKnowTheirMembersPerSubgraph() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("abstract"));
        assertThat(supergraph.possibleTypesIn("Media", "books")).containsExactly("Book", "Movie");
        assertThat(supergraph.possibleTypesIn("SearchResult", "books")).containsExactly("Book", "Movie");
        assertThat(supergraph.possibleTypesIn("Media", "movies")).isEmpty();
    }

    @Test
    void apiSchemaHidesJoinMachineryAndInaccessibleElements() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("inaccessible"));
        assertThat(supergraph.apiSchema().getType("join__Graph")).isNull();
        assertThat(supergraph.apiSchema().getType("link__Purpose")).isNull();
        assertThat(supergraph.apiSchema().getObjectType("Product").getFieldDefinition("sku"))
                .isNull();
        assertThat(supergraph.apiSchema().getObjectType("Product").getFieldDefinition("quantity"))
                .isNotNull();
        assertThat(supergraph.apiSchema().getDirective("join__field")).isNull();
        // The planner still sees inaccessible fields: they can be keys.
        assertThat(supergraph
                        .type("Product")
                        .orElseThrow()
                        .field("sku")
                        .orElseThrow()
                        .inaccessible())
                .isTrue();
    }

    @Test
    void progressiveOverrideTakesEffectOnlyAtFullRollout() throws IOException {
        String sdl = Files.readString(Path.of("src/test/resources/supergraphs/progressive-override.graphql"));
        Supergraph partial = new SupergraphParser().parse(sdl);
        assertThat(partial.graphsResolving("Post", "likes")).containsExactly("a");
        Supergraph full = new SupergraphParser().parse(sdl.replace("percent(50)", "percent(100)"));
        assertThat(full.graphsResolving("Post", "likes")).containsExactly("b");
    }

    @Test
    void sdlWithoutJoinGraphIsRefusedWithAHint() {
        assertThatThrownBy(() -> new SupergraphParser().parse("type Query { a: Int }"))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("join__Graph")
                .hasMessageContaining("rover");
    }

    @Test
    void unknownGraphInJoinFieldNamesTheField() throws IOException {
        String broken = golden("entities")
                .replace("name: String @join__field(graph: PRODUCTS)", "name: String @join__field(graph: NOPE)");
        assertThatThrownBy(() -> new SupergraphParser().parse(broken))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("Product.name")
                .hasMessageContaining("NOPE");
    }

    @Test
    void keyNamingAMissingFieldNamesTypeFieldAndSubgraph() throws IOException {
        String broken = golden("entities")
                .replace("@join__type(graph: REVIEWS, key: \"upc\")", "@join__type(graph: REVIEWS, key: \"sku\")");
        assertThatThrownBy(() -> new SupergraphParser().parse(broken))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("type Product")
                .hasMessageContaining("reviews")
                .hasMessageContaining("no field sku");
    }

    /** A subgraph whose U reads the context T sets, composed first, before one without contexts that sorts after it. */
    private static String contexts() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", "
                + "import: [\"@key\", \"@context\", \"@fromContext\"])\n";
        return new SupergraphComposer()
                .compose(java.util.List.of(
                        new SubgraphSdl("two", "http://two", link + """
            type Query { t: T! }
            type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! tags: [String]! }
            type U @key(fields: "id") {
              id: ID!
              field(a: String @fromContext(field: "$context { prop }")): String!
              tagged(a: [String] @fromContext(field: "$context { tags }")): String
            }
            """),
                        new SubgraphSdl("one", "http://one", link + "type Query { a: Int }")));
    }

    @Test
    void contextsAndContextualArgumentsAreReadWithTheVariablesApolloNamesThem() {
        Supergraph supergraph = new SupergraphParser().parse(contexts());
        assertThat(supergraph.type("T").orElseThrow().contexts()).containsExactly("two__context");
        assertThat(supergraph.typesSettingContext("two__context")).containsExactly("T");
        FieldDef field = supergraph.type("U").orElseThrow().field("field").orElseThrow();
        ContextArgument argument = field.contextArguments("two").get(0);
        assertThat(argument.name()).isEqualTo("a");
        assertThat(argument.type()).isEqualTo("String");
        assertThat(argument.context()).isEqualTo("two__context");
        assertThat(argument.selection().text().trim()).isEqualTo("prop");
        // first in join__Graph but second by name, as Apollo numbers subgraphs; "U.field(a:)" sorts before
        // "U.tagged(a:)"
        assertThat(argument.variable()).isEqualTo("contextualArgument_2_0");
        assertThat(supergraph
                        .type("U")
                        .orElseThrow()
                        .field("tagged")
                        .orElseThrow()
                        .contextArguments("two")
                        .get(0)
                        .variable())
                .isEqualTo("contextualArgument_2_1");
        assertThat(field.contextArguments("one")).isEmpty();
        assertThat(supergraph
                        .apiSchema()
                        .getObjectType("U")
                        .getFieldDefinition("field")
                        .getArguments())
                .isEmpty();
    }

    @Test
    void contextNoTypeSetsNamesFieldArgumentAndContext() {
        refusal(contexts()
                        .replace(
                                "{context: \"two__context\", name: \"a\", type: \"String\"",
                                "{context: \"two__elsewhere\", name: \"a\", type: \"String\""))
                .hasMessageContainingAll("field U.field", "argument a", "two__elsewhere", "no type sets");
    }

    @Test
    void contextSelectionOfAMissingFieldNamesTheTypeThatSetsTheContext() {
        refusal(contexts().replace("selection: \" { prop }\"", "selection: \" { nope }\""))
                .hasMessageContainingAll("field U.field", "set on T", "no field nope");
    }

    @Test
    void contextArgumentWithoutSelectionOrWithABrokenOneIsRefused() {
        refusal(contexts().replace(", selection: \" { prop }\"", ""))
                .hasMessageContainingAll("field U.field", "has no selection");
        refusal(contexts().replace("selection: \" { prop }\"", "selection: \" { prop \""))
                .hasMessageContainingAll("field U.field", "argument a", "invalid field set");
    }

    @Test
    void contextArgumentOfAnUnknownTypeIsRefused() {
        refusal(contexts().replace("type: \"[String]\"", "type: \"[Strin]\""))
                .hasMessageContainingAll("field U.tagged", "[Strin]");
    }

    @Test
    void contextWithoutANameNamesTheType() {
        refusal(contexts().replace("@context(name: \"two__context\")", "@context(name: \"\")"))
                .hasMessageContainingAll("type T", "@context has no name");
    }

    /** How the parser refuses a broken supergraph, to check what its message names. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusal(String supergraph) {
        return assertThatThrownBy(() -> new SupergraphParser().parse(supergraph))
                .isInstanceOf(SupergraphException.class);
    }

    @Test
    void invalidSdlIsRefused() {
        assertThatThrownBy(() -> new SupergraphParser().parse("type Query {"))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("not valid GraphQL");
    }
}
