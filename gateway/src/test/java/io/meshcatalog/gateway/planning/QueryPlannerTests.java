package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.parser.Parser;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning without any HTTP: operation in, plan text out. */
class QueryPlannerTests {

    private static Supergraph supergraph(String name) throws IOException {
        return new SupergraphParser()
                .parse(Files.readString(Path.of("src/test/resources/golden", name, "supergraph.graphql")));
    }

    private static String plan(String supergraph, String operation) throws IOException {
        return new QueryPlanner(supergraph(supergraph))
                .plan(Parser.parse(operation), null)
                .print();
    }

    @Test
    void rootFieldsOfOneSubgraphShareOneFetch() throws IOException {
        assertThat(plan("entities", "{ topProducts { name } a: topProducts { price } }"))
                .isEqualTo("""
        QueryPlan {
          Fetch(service: "products") {
            query { topProducts { name } a: topProducts { price } }
          },
        }
        """);
    }

    @Test
    void independentRootFetchesRunInParallel() throws IOException {
        assertThat(plan("entities", "{ me { name } topProducts { name } }")).isEqualTo("""
        QueryPlan {
          Parallel {
            Fetch(service: "accounts") {
              query { me { name } }
            },
            Fetch(service: "products") {
              query { topProducts { name } }
            },
          },
        }
        """);
    }

    @Test
    void typenameOnlyOperationNeedsNoFetch() throws IOException {
        assertThat(plan("entities", "{ __typename }")).isEqualTo("QueryPlan {\n}\n");
    }

    @Test
    void entityFetchCarriesTheKeyOfTheTargetSubgraph() throws IOException {
        PlanNode node = new QueryPlanner(supergraph("entities"))
                .plan(Parser.parse("{ me { reviews { body } } }"), null)
                .node();
        PlanNode.Sequence sequence = (PlanNode.Sequence) node;
        PlanNode.Flatten flatten = (PlanNode.Flatten) sequence.nodes().get(1);
        PlanNode.Fetch fetch = (PlanNode.Fetch) flatten.node();
        assertThat(flatten.path().toString()).isEqualTo("me");
        assertThat(fetch.isEntityFetch()).isTrue();
        assertThat(fetch.requires())
                .containsExactly(new Selection.InlineFragment(
                        "User",
                        List.of(new Selection.Field("__typename", List.of()), new Selection.Field("id", List.of()))));
    }

    @Test
    void namedOperationIsChosenFromSeveral() throws IOException {
        String document = "query A { me { name } } query B { topProducts { name } }";
        QueryPlan plan = new QueryPlanner(supergraph("entities")).plan(Parser.parse(document), "B");
        assertThat(plan.print()).contains("products").doesNotContain("accounts");
    }

    @Test
    void unknownOperationNameIsAPlanningError() {
        assertThatThrownBy(() ->
                        new QueryPlanner(supergraph("entities")).plan(Parser.parse("query A { me { name } }"), "Z"))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("Z");
    }

    @Test
    void fieldNoSubgraphCanReachIsAPlanningErrorNamingIt() {
        Supergraph supergraph = unreachable();
        assertThatThrownBy(() -> new QueryPlanner(supergraph).plan(Parser.parse("{ t { y } }"), null))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("T.y");
    }

    /** T.y lives only in subgraph b, which has no key for T and no way to reach it from the root. */
    static Supergraph unreachable() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n";
        return new SupergraphParser()
                .parse(new io.meshcatalog.gateway.supergraph.SupergraphComposer()
                        .compose(List.of(
                                new io.meshcatalog.gateway.supergraph.SubgraphSdl(
                                        "a", "http://a", link + "type Query { t: T } type T { x: Int }"),
                                new io.meshcatalog.gateway.supergraph.SubgraphSdl(
                                        "b", "http://b", link + "type T { y: Int }"))));
    }

    @Test
    void contextualFieldReachedBelowNoTypeThatSetsItsContextIsAPlanningErrorNamingArgumentAndContext() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", "
                + "import: [\"@key\", \"@context\", \"@fromContext\"])\n";
        Supergraph supergraph = new SupergraphParser()
                .parse(new io.meshcatalog.gateway.supergraph.SupergraphComposer()
                        .compose(List.of(
                                new io.meshcatalog.gateway.supergraph.SubgraphSdl("a", "http://a", link + """
            type Query { t: T u: U }
            type T @context(name: "ctx") { prop: String u: U }
            type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$ctx { prop }")): String }
            """))));
        assertThat(new QueryPlanner(supergraph)
                        .plan(Parser.parse("{ t { u { field } } }"), null)
                        .print())
                .contains("contextualArgument_1_0 <- [\"..\",\"... on T\",\"prop\"]");
        assertThatThrownBy(() -> new QueryPlanner(supergraph).plan(Parser.parse("{ u { field } }"), null))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("U.field")
                .hasMessageContaining("argument a")
                .hasMessageContaining("a__ctx")
                .hasMessageContaining("(set by T)");
    }

    @Test
    void entitiesBelowAFieldThePlannerAliasedAreFetchedAtTheAlias() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                + "import: [\"@key\", \"@external\", \"@requires\"])\n";
        Supergraph supergraph = new SupergraphParser()
                .parse(new io.meshcatalog.gateway.supergraph.SupergraphComposer()
                        .compose(List.of(
                                new io.meshcatalog.gateway.supergraph.SubgraphSdl("c", "http://c", link + """
            type Query { feed: [Post] }
            type Post @key(fields: "id") { id: ID! comments(limit: Int!): [Comment] @external }
            type Comment @key(fields: "id") { id: ID! authorId: ID }"""),
                                new io.meshcatalog.gateway.supergraph.SubgraphSdl("d", "http://d", link + """
            type Post @key(fields: "id") {
              id: ID!
              author: Author @requires(fields: "comments(limit: 3) { authorId }")
              comments(limit: Int!): [Comment]
            }
            type Comment @key(fields: "id") { id: ID! authorId: ID @external }
            type Author { id: ID! }"""))));

        String plan = new QueryPlanner(supergraph)
                .plan(Parser.parse("{ feed { author { id } comments(limit: 1) { id } } }"), null)
                .print();

        // The client's comments (limit 1) and the required ones (limit 3) must not share a response key, and the
        // required comments' authors are fetched where those comments sit.
        assertThat(plan)
                .contains("comments__mc0: comments(limit: 3) { __typename id }")
                .contains("Flatten(path: \"feed.@.comments__mc0.@\")")
                .contains("comments(limit: 1) { id }");
    }

    @Test
    void subscriptionsAreRefusedClearly() {
        assertThatThrownBy(() -> new QueryPlanner(supergraph("entities"))
                        .plan(Parser.parse("subscription { me { name } }"), null))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("subscriptions");
    }

    @Test
    void plansAreCachedPerDocumentAndOperationName() throws IOException {
        Supergraph entities = supergraph("entities");
        PlanCache cache = new PlanCache(
                new QueryPlanner(entities),
                new AuthorizationFilter(entities, AuthorizationFilter.Options.DEFAULTS),
                10);
        String text = "query A { me { name } } query B { topProducts { name } }";
        PlanCache.RightsSource anonymous = policies -> Rights.ANONYMOUS;
        QueryPlan a = cache.plan(text, Parser.parse(text), "A", anonymous).plan();
        assertThat(cache.plan(text, Parser.parse(text), "A", anonymous).plan()).isSameAs(a);
        assertThat(cache.cached(text, "A", anonymous).plan()).isSameAs(a);
        assertThat(cache.plan(text, Parser.parse(text), "B", anonymous).plan()).isNotSameAs(a);
    }
}
