package io.meshcatalog.gateway.supergraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.parser.Parser;
import io.meshcatalog.gateway.execution.ConfiguredPolicies;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import io.meshcatalog.gateway.planning.PlanCache;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.planning.Rights;
import io.meshcatalog.gateway.support.GoldenCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The composer is checked against Apollo's: for every golden case, composing its subgraphs with
 * our composer must plan every golden operation exactly as the supergraph Apollo composed.
 */
class SupergraphComposerTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> composedSupergraphPlansLikeApollosForEveryGoldenCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> assertPlansMatch(dir)));
            }
        }
        return tests.stream();
    }

    /** Plans as the golden case's gateway does: for the operation's caller, after the authorization filter. */
    private static void assertPlansMatch(Path dir) throws IOException {
        Supergraph composed = new SupergraphParser().parse(new SupergraphComposer().compose(subgraphs(dir)));
        PlanCache planner = new PlanCache(
                new QueryPlanner(GoldenCase.asPlanned(composed)),
                new AuthorizationFilter(composed, AuthorizationFilter.Options.DEFAULTS),
                100);
        ConfiguredPolicies policies = GoldenCase.policies(dir);
        try (Stream<Path> operations = Files.list(dir.resolve("operations"))) {
            for (Path operation : operations
                    .filter(p -> p.toString().endsWith(".graphql"))
                    .sorted()
                    .toList()) {
                Path expected = Path.of(operation.toString().replace(".graphql", ".plan"));
                RequestContext context = GoldenCase.caller(
                        dir, operation.getFileName().toString().replace(".graphql", ""));
                PlanCache.RightsSource rights = names -> new Rights(
                        context.caller().authenticated(),
                        context.caller().scopes(),
                        policies.satisfied(context, names));
                String plan;
                try {
                    String text = Files.readString(operation);
                    plan = planner.plan(text, Parser.parse(text), null, rights)
                            .plan()
                            .print();
                } catch (RuntimeException e) {
                    plan = "";
                }
                if (Files.readString(expected).startsWith("QueryPlan")) {
                    assertThat(plan).as(operation.toString()).isEqualTo(Files.readString(expected));
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> composedAuthorizationRequirementsAreApollosForEveryGoldenCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    Supergraph apollos =
                            new SupergraphParser().parse(Files.readString(dir.resolve("supergraph.graphql")));
                    Supergraph ours = new SupergraphParser().parse(new SupergraphComposer().compose(subgraphs(dir)));
                    assertThat(requirements(ours)).as(dir.toString()).isEqualTo(requirements(apollos));
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Every type's and field's requirements, as sets of sets: what they mean, whatever the order of the groups (which
     * Apollo's composition keeps as written for one source and sorts when it combines several).
     */
    private static java.util.Map<String, String> requirements(Supergraph supergraph) {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        supergraph.types().values().forEach(type -> {
            put(all, type.name(), type.access());
            type.fields().values().forEach(field -> put(all, type.name() + "." + field.name(), field.access()));
        });
        return all;
    }

    private static void put(java.util.Map<String, String> all, String coordinate, AuthRequirements access) {
        if (!access.isNone()) {
            all.put(
                    coordinate,
                    "authenticated=" + access.authenticated() + " scopes=" + groups(access.scopes()) + " policies="
                            + groups(access.policies()));
        }
    }

    private static java.util.Set<java.util.Set<String>> groups(List<List<String>> dnf) {
        java.util.Set<java.util.Set<String>> groups = new java.util.HashSet<>();
        dnf.forEach(group -> groups.add(java.util.Set.copyOf(group)));
        return groups;
    }

    private static List<SubgraphSdl> subgraphs(Path dir) throws IOException {
        List<SubgraphSdl> subgraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("subgraphs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".graphqls"))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString().replace(".graphqls", "");
                subgraphs.add(new SubgraphSdl(name, "http://" + name + ".invalid/graphql", Files.readString(file)));
            }
        }
        return subgraphs;
    }

    @Test
    void composedSupergraphIsAcceptedBackByTheParser() throws IOException {
        String sdl = new SupergraphComposer().compose(subgraphs(GOLDEN.resolve("entities")));
        Supergraph supergraph = new SupergraphParser().parse(sdl);
        assertThat(supergraph.subgraph("reviews").orElseThrow().url()).isEqualTo("http://reviews.invalid/graphql");
        assertThat(supergraph.type("Product").orElseThrow().resolvableKeys("reviews"))
                .hasSize(1);
    }

    @Test
    void nonShareableFieldInTwoSubgraphsNamesSubgraphsTypeAndField() {
        List<SubgraphSdl> subgraphs = List.of(
                new SubgraphSdl(
                        "a",
                        "http://a",
                        link()
                                + "type Query { a: Product } type Product @key(fields: \"id\") { id: ID! name: String }"),
                new SubgraphSdl(
                        "b", "http://b", link() + "type Product @key(fields: \"id\") { id: ID! name: String }"));
        assertThatThrownBy(() -> new SupergraphComposer().compose(subgraphs))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("Product.name")
                .hasMessageContaining("\"a\"")
                .hasMessageContaining("\"b\"")
                .hasMessageContaining("@shareable");
    }

    @Test
    void outputFieldTypesComposeToTheNullableOne() throws IOException {
        Supergraph supergraph = new SupergraphParser()
                .parse(new SupergraphComposer().compose(subgraphs(GOLDEN.resolve("type-mismatch"))));
        assertThat(supergraph
                        .type("User")
                        .orElseThrow()
                        .field("id")
                        .orElseThrow()
                        .type()
                        .text())
                .isEqualTo("ID");
        assertThat(supergraph
                        .type("User")
                        .orElseThrow()
                        .field("id")
                        .orElseThrow()
                        .join("accounts")
                        .orElseThrow()
                        .type())
                .isEqualTo("ID!");
    }

    @Test
    void contextsAndContextualArgumentsAreWrittenAsApollosCompositionWritesThem() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", "
                + "import: [\"@key\", \"@context\", \"@fromContext\"])\n";
        String sdl = new SupergraphComposer().compose(List.of(new SubgraphSdl("one", "http://one", link + """
        type Query { items: [Item] }
        union Item @context(name: "ctx") = A | B
        type A @key(fields: "id") { id: ID! prop: String! u: U! }
        type B @key(fields: "id") { id: ID! prop: String! u: U! }
        type U @key(fields: "id") {
          id: ID!
          field(x: Int, a: String @fromContext(field: "$ctx ... on A { prop } ... on B { prop }")): String
        }
        """)));
        assertThat(sdl)
                .contains("@link(url: \"https://specs.apollo.dev/context/v0.1\", for: SECURITY)")
                .contains("@context(name: \"one__ctx\")")
                .contains(
                        "field(x: Int): String @join__field(graph: ONE, contextArguments: [{context: \"one__ctx\", name: \"a\", "
                                + "type: \"String\", selection: \" ... on A { prop } ... on B { prop }\"}])");
    }

    @Test
    void requirementsFromSeveralSubgraphsCombineWithAndAsApollosCompositionWritesThem() {
        String link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.6\", "
                + "import: [\"@key\", \"@shareable\", \"@requiresScopes\", \"@policy\"])\n";
        String sdl = new SupergraphComposer()
                .compose(List.of(
                        new SubgraphSdl(
                                "a",
                                "http://a",
                                link + "type Query { users: [String] @shareable "
                                        + "@requiresScopes(scopes: [[\"a1\", \"a2\"], [\"a3\"]]) same: Int @shareable @policy(policies: [[\"q\", \"p\"]]) "
                                        + "narrow: Int @shareable @requiresScopes(scopes: [[\"s1\", \"s2\"]]) }"),
                        new SubgraphSdl(
                                "b",
                                "http://b",
                                link + "type Query { users: [String] @shareable "
                                        + "@requiresScopes(scopes: [[\"b1\"], [\"b2\"]]) same: Int @shareable @policy(policies: [[\"q\", \"p\"]]) "
                                        + "narrow: Int @shareable @requiresScopes(scopes: [[\"s1\"]]) }")));
        // As @apollo/composition 2.12.1 writes them for these subgraphs.
        assertThat(sdl)
                .contains("users: [String] @requiresScopes(scopes: [[\"a3\", \"b1\"], [\"a3\", \"b2\"], "
                        + "[\"a1\", \"a2\", \"b1\"], [\"a1\", \"a2\", \"b2\"]])")
                .contains("same: Int @policy(policies: [[\"q\", \"p\"]])")
                .contains("narrow: Int @requiresScopes(scopes: [[\"s1\", \"s2\"]])")
                .contains("@link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)")
                .contains("@link(url: \"https://specs.apollo.dev/policy/v0.1\", for: SECURITY)")
                .doesNotContain("authenticated/v0.1");
    }

    @Test
    void renamedImportIsLinkedUnderItsName() {
        String sdl = new SupergraphComposer()
                .compose(
                        List.of(
                                new SubgraphSdl(
                                        "a",
                                        "http://a",
                                        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", "
                                                + "import: [{name: \"@authenticated\", as: \"@auth\"}])\ntype Query { me: String @auth }")));
        assertThat(sdl)
                .contains("@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY, "
                        + "import: [{name: \"@authenticated\", as: \"@auth\"}])")
                .contains("directive @auth on FIELD_DEFINITION")
                .contains("me: String @auth");
        assertThat(new SupergraphParser()
                        .parse(sdl)
                        .type("Query")
                        .orElseThrow()
                        .field("me")
                        .orElseThrow()
                        .access()
                        .authenticated())
                .isTrue();
    }

    @Test
    void authorizationOnAnInterfaceIsRefusedWithTheSubgraphAndTheInterface() {
        String link =
                "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", import: [\"@authenticated\"])\n";
        assertThatThrownBy(
                        () -> new SupergraphComposer()
                                .compose(
                                        List.of(
                                                new SubgraphSdl(
                                                        "a",
                                                        "http://a",
                                                        link
                                                                + "type Query { n: Node } interface Node @authenticated { id: ID! } type T implements Node { id: ID! }"))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("subgraph \"a\"")
                .hasMessageContaining("interface \"Node\"")
                .hasMessageContaining("implementations");
        assertThatThrownBy(
                        () -> new SupergraphComposer()
                                .compose(
                                        List.of(
                                                new SubgraphSdl(
                                                        "a",
                                                        "http://a",
                                                        link
                                                                + "type Query { n: Node } interface Node { id: ID! @authenticated } type T implements Node { id: ID! }"))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("interface field \"Node.id\"");
    }

    @Test
    void directiveImportedFromAnOlderFederationVersionIsRefused() {
        assertThatThrownBy(() -> new SupergraphComposer()
                        .compose(List.of(new SubgraphSdl(
                                "a",
                                "http://a",
                                "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", import: [\"@policy\"])\n"
                                        + "type Query { x: Int @policy(policies: [[\"p\"]]) }"))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("subgraph \"a\"")
                .hasMessageContaining("@policy needs federation v2.6");
    }

    @Test
    void oneDirectiveImportedUnderTwoNamesIsRefused() {
        assertThatThrownBy(
                        () -> new SupergraphComposer()
                                .compose(
                                        List.of(
                                                new SubgraphSdl(
                                                        "a",
                                                        "http://a",
                                                        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", "
                                                                + "import: [\"@shareable\", {name: \"@authenticated\", as: \"@auth\"}])\ntype Query { x: Int @shareable @auth }"),
                                                new SubgraphSdl(
                                                        "b",
                                                        "http://b",
                                                        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", "
                                                                + "import: [\"@shareable\", \"@authenticated\"])\ntype Query { x: Int @shareable @authenticated }"))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("mismatched names")
                .hasMessageContaining("\"@auth\" in subgraph \"a\"")
                .hasMessageContaining("\"@authenticated\" in subgraph \"b\"");
    }

    @Test
    void kindMismatchNamesTheSubgraphs() {
        List<SubgraphSdl> subgraphs = List.of(
                new SubgraphSdl("a", "http://a", link() + "type Query { a: Thing } type Thing { id: ID }"),
                new SubgraphSdl("b", "http://b", link() + "interface Thing { id: ID }"));
        assertThatThrownBy(() -> new SupergraphComposer().compose(subgraphs))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("Thing")
                .hasMessageContaining("subgraph \"b\"");
    }

    @Test
    void invalidSubgraphSdlNamesTheSubgraph() {
        assertThatThrownBy(() ->
                        new SupergraphComposer().compose(List.of(new SubgraphSdl("a", "http://a", "type Query {"))))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("subgraph \"a\"");
    }

    private static String link() {
        return "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", \"@shareable\"])\n";
    }
}
