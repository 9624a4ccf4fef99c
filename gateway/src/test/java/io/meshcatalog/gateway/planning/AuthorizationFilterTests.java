package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Checks;
import io.meshcatalog.gateway.planning.AuthorizationFilter.Filtered;
import io.meshcatalog.gateway.supergraph.AuthRequirements;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The filter as Apollo's router filters: over the golden {@code authenticated} supergraph (composed by Apollo's
 * composition) and one composed before interfaces inherited their implementations' requirements.
 */
class AuthorizationFilterTests {

    private static final Rights SIGNED_IN = new Rights(true, Set.of(), Set.of());

    private static Supergraph supergraph(String path) throws IOException {
        return new SupergraphParser().parse(Files.readString(Path.of("src/test/resources", path)));
    }

    private static Supergraph authenticated() throws IOException {
        return supergraph("golden/authenticated/supergraph.graphql");
    }

    private static Supergraph withoutInheritance() throws IOException {
        return supergraph("supergraphs/authorization-without-inheritance.graphql");
    }

    private static Filtered filter(Supergraph supergraph, String operation, Rights rights) {
        return filter(supergraph, operation, rights, AuthorizationFilter.Options.DEFAULTS);
    }

    private static Filtered filter(
            Supergraph supergraph, String operation, Rights rights, AuthorizationFilter.Options options) {
        AuthorizationFilter filter = new AuthorizationFilter(supergraph, options);
        Document document = Parser.parse(operation);
        Checks checks = filter.checks(document, null);
        return filter.filter(document, null, checks, checks.denials(rights));
    }

    private static String printed(Filtered filtered) {
        return AstPrinter.printAstCompact(filtered.document());
    }

    /** A document as {@link #printed} prints it. */
    private static String compact(String document) {
        return AstPrinter.printAstCompact(Parser.parse(document));
    }

    @Test
    void protectedFieldIsRemovedAndNamedByItsPathWhileTheRestStays() throws IOException {
        Filtered filtered = filter(
                authenticated(), "{ topProducts { name price } user(id: \"1\") { name email } }", Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("{topProducts {name} user(id: \"1\") {name}}"));
        assertThat(filtered.removed()).containsExactly(List.of("topProducts", "@", "price"), List.of("user", "email"));
        assertThat(filtered.runsNothing()).isFalse();
    }

    @Test
    void authenticatedCallerKeepsTheDocumentItself() throws IOException {
        AuthorizationFilter filter = new AuthorizationFilter(authenticated(), AuthorizationFilter.Options.DEFAULTS);
        Document document = Parser.parse("{ me { name email } }");
        Checks checks = filter.checks(document, null);
        Filtered filtered = filter.filter(document, null, checks, checks.denials(SIGNED_IN));
        assertThat(filtered.document()).isSameAs(document);
        assertThat(filtered.removed()).isEmpty();
    }

    @Test
    void aliasesNameTheRemovalsAndDoNotGetAroundThem() throws IOException {
        Filtered filtered = filter(
                authenticated(),
                "{ u: user(id: \"1\") { name a: email b: email } me2: me { name } }",
                Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("{u: user(id: \"1\") {name}}"));
        assertThat(filtered.removed()).containsExactly(List.of("u", "a"), List.of("u", "b"), List.of("me2"));
    }

    @Test
    void fragmentIsFilteredOnceAndItsRemovalsNamedAtEverySpread() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        Supergraph supergraph = authenticated();
        String operation = """
        { one: user(id: "1") { ...Contact } two: user(id: "2") { ...Contact ... on User { ...Contact } } }
        fragment Contact on User { name email }
        """;
        AuthorizationFilter filter = new AuthorizationFilter(supergraph, AuthorizationFilter.Options.DEFAULTS);
        Document document = Parser.parse(operation);
        Checks checks = filter.checks(document, null);
        Filtered filtered = filter.filter(document, null, checks, checks.denials(Rights.ANONYMOUS));
        assertThat(printed(filtered))
                .isEqualTo(compact("{one: user(id: \"1\") {...Contact} two: user(id: \"2\") {...Contact "
                        + "... on User {...Contact}}} fragment Contact on User {name}"));
        assertThat(filtered.removed()).containsExactly(List.of("one", "email"), List.of("two", "email"));
        // The requirement of User.email was met once, in the one walk of Contact.
        new OperationFilter(
                        new AuthorizationFilter.Model(supergraph),
                        document,
                        requirement -> {
                            asked.incrementAndGet();
                            return true;
                        },
                        false)
                .operation(Operations.select(document, null), "Query", new RemovedPaths());
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void fieldLeftWithoutSelectionsIsRemovedWithoutAnErrorOfItsOwn() throws IOException {
        Filtered filtered =
                filter(authenticated(), "{ user(id: \"1\") { email level } topProducts { name } }", Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("{topProducts {name}}"));
        assertThat(filtered.removed()).containsExactly(List.of("user", "email"), List.of("user", "level"));
    }

    @Test
    void operationLeftWithNothingRunsNothing() throws IOException {
        Filtered filtered = filter(authenticated(), "{ me { name } user(id: \"1\") { email } }", Rights.ANONYMOUS);
        assertThat(filtered.runsNothing()).isTrue();
        assertThat(filtered.removed()).containsExactly(List.of("me"), List.of("user", "email"));
    }

    @Test
    void protectedMutationFieldIsRemovedAndTheOthersStay() throws IOException {
        Filtered filtered = filter(authenticated(), "mutation { rename(name: \"x\") { name } ping }", Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("mutation {ping}"));
        assertThat(filtered.removed()).containsExactly(List.of("rename"));
    }

    @Test
    void protectedRootTypeRemovesTheWholeOperation() throws IOException {
        Filtered filtered = filter(withoutInheritance(), "mutation { ping }", Rights.ANONYMOUS);
        assertThat(filtered.runsNothing()).isTrue();
        assertThat(filtered.removed()).containsExactly(List.of());
        assertThat(filter(withoutInheritance(), "mutation { ping }", SIGNED_IN).runsNothing())
                .isFalse();
    }

    @Test
    void introspectionIsNeverFiltered() throws IOException {
        Filtered filtered = filter(
                authenticated(),
                "{ __typename __type(name: \"User\") { fields { name } } me { name } }",
                Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("{__typename __type(name: \"User\") {fields {name}}}"));
        assertThat(filtered.removed()).containsExactly(List.of("me"));
    }

    @Test
    void fragmentOnAProtectedTypeIsRemovedWithTheTypeInItsPath() throws IOException {
        Filtered filtered = filter(withoutInheritance(), """
        { posts { __typename ... on PrivateBlog { allowedViewers } ...Blog } }
        fragment Blog on PrivateBlog { title }
        """, Rights.ANONYMOUS);
        assertThat(printed(filtered)).isEqualTo(compact("{posts {__typename}}"));
        assertThat(filtered.removed()).containsExactly(List.of("posts", "@", "... on PrivateBlog"));
    }

    @Test
    void interfaceSelectedDirectlyIsRemovedWhenOneImplementationIsProtected() throws IOException {
        // Composed before interfaces inherited requirements: Post states none, but a PrivateBlog may come back.
        assertThat(filter(withoutInheritance(), "{ posts { id } }", Rights.ANONYMOUS)
                        .removed())
                .containsExactly(List.of("posts"));
        Filtered byFragments =
                filter(withoutInheritance(), "{ posts { __typename ... on PublicPost { id } } }", Rights.ANONYMOUS);
        assertThat(byFragments.removed()).isEmpty();
    }

    @Test
    void interfaceFieldIsRemovedWhenOneImplementationProtectsThatField() throws IOException {
        Filtered filtered =
                filter(withoutInheritance(), "{ posts { ... on PublicPost { id } ... on Post { title } } }", SIGNED_IN);
        assertThat(printed(filtered)).isEqualTo(compact("{posts {... on PublicPost {id}}}"));
        assertThat(filtered.removed()).containsExactly(List.of("posts", "@", "title"));
        Filtered editor = filter(
                withoutInheritance(),
                "{ posts { ... on Post { title } } }",
                new Rights(true, Set.of("editor"), Set.of()));
        assertThat(editor.removed()).isEmpty();
    }

    @Test
    void fragmentsSpreadExponentiallyAreWalkedOnceEachAndTheirRemovalsCounted() throws IOException {
        StringBuilder operation = new StringBuilder("{ node { ...F0 } }\n");
        int depth = 30;
        for (int i = 0; i < depth; i++) {
            operation
                    .append("fragment F")
                    .append(i)
                    .append(" on Node { left { ...F")
                    .append(i + 1)
                    .append(" } right { ...F")
                    .append(i + 1)
                    .append(" } }\n");
        }
        operation.append("fragment F").append(depth).append(" on Node { label secret }\n");
        Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
                .document(operation.toString())
                .parserOptions(ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(100_000)))
                .build());
        AuthorizationFilter filter =
                new AuthorizationFilter(withoutInheritance(), AuthorizationFilter.Options.DEFAULTS);
        Checks checks = filter.checks(document, null);
        Filtered filtered = filter.filter(document, null, checks, checks.denials(Rights.ANONYMOUS));
        // 2^30 places read Node.secret: 100 are named, the others counted; each fragment was walked once.
        assertThat(filtered.removed()).hasSize(RemovedPaths.MAX);
        assertThat(filtered.removed().size() + filtered.omitted()).isEqualTo(1L << depth);
        assertThat(printed(filtered)).endsWith("fragment F30 on Node {label}");
    }

    @Test
    void dryRunNamesWhatWouldBeRemovedAndRemovesNothing() throws IOException {
        AuthorizationFilter.Options dryRun = new AuthorizationFilter.Options(true, false);
        Filtered filtered = filter(authenticated(), "{ me { name } topProducts { price } }", Rights.ANONYMOUS, dryRun);
        assertThat(printed(filtered)).isEqualTo(compact("{me {name} topProducts {price}}"));
        assertThat(filtered.removed()).containsExactly(List.of("me"), List.of("topProducts", "@", "price"));
        assertThat(filtered.runsNothing()).isFalse();
    }

    @Test
    void rejectUnauthorizedRunsNothingOnceAnythingIsRemoved() throws IOException {
        AuthorizationFilter.Options reject = new AuthorizationFilter.Options(false, true);
        Filtered filtered = filter(authenticated(), "{ topProducts { name price } }", Rights.ANONYMOUS, reject);
        assertThat(filtered.runsNothing()).isTrue();
        assertThat(filtered.removed()).containsExactly(List.of("topProducts", "@", "price"));
        assertThat(filter(authenticated(), "{ topProducts { name } }", Rights.ANONYMOUS, reject)
                        .runsNothing())
                .isFalse();
    }

    @Test
    void checksListEachRequirementAnOperationMeetsOnceAndOnlyThose() throws IOException {
        AuthorizationFilter filter =
                new AuthorizationFilter(withoutInheritance(), AuthorizationFilter.Options.DEFAULTS);
        assertThat(filter.checks(Parser.parse("{ node { label left { label } } }"), null)
                        .isEmpty())
                .isTrue();
        Checks checks = filter.checks(Parser.parse("{ node { secret audit left { secret audit } } }"), null);
        assertThat(checks.requirements())
                .containsExactly(
                        new AuthRequirements(true, List.of(), List.of()),
                        new AuthRequirements(false, List.of(), List.of(List.of("auditors"))));
        assertThat(checks.policyNames()).containsExactly("auditors");
    }

    @Test
    void callersWithTheSameRightsShareAPlanAndOthersGetTheirOwn() throws IOException {
        Supergraph supergraph = authenticated();
        PlanCache cache = new PlanCache(
                new QueryPlanner(supergraph),
                new AuthorizationFilter(supergraph, AuthorizationFilter.Options.DEFAULTS),
                10);
        String text = "{ topProducts { name price } }";
        PlanCache.Planned anonymous = cache.plan(text, Parser.parse(text), null, names -> Rights.ANONYMOUS);
        PlanCache.Planned otherAnonymous =
                cache.cached(text, null, names -> new Rights(false, Set.of("unrelated"), Set.of()));
        PlanCache.Planned signedIn = cache.plan(text, Parser.parse(text), null, names -> SIGNED_IN);
        assertThat(otherAnonymous).isSameAs(anonymous);
        assertThat(signedIn).isNotSameAs(anonymous);
        assertThat(anonymous.plan().print()).doesNotContain("price");
        assertThat(signedIn.plan().print()).contains("price");
    }
}
