package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fragments are planned once per place, never once per spread: a document whose fragments each spread the next one
 * twice (issue 12: 2^20 leaf spreads in under a kilobyte, 19.6 s and +518 MB in the planner before) gets the plan of
 * the same selections written out once.
 */
class FragmentPlanningTests {

    private static final String LEAVES = "name reviews { body author { name } }";

    private static QueryPlanner planner;

    @BeforeAll
    static void supergraph() throws IOException {
        Supergraph supergraph = new SupergraphParser()
                .parse(Files.readString(Path.of("src/test/resources/golden/entities/supergraph.graphql")));
        planner = new QueryPlanner(supergraph);
    }

    private static String plan(String document) {
        return planner.plan(Parser.parse(document), null).print();
    }

    /**
     * {@code head}, then fragments F0..F(levels-1) on {@code type} whose selections are {@code body} with {@code $} for
     * the next fragment, and F(levels) on Product selecting {@link #LEAVES}.
     */
    private static String chain(String head, String type, int levels, String body) {
        StringBuilder document = new StringBuilder(head).append('\n');
        for (int i = 0; i < levels; i++) {
            document.append("fragment F")
                    .append(i)
                    .append(" on ")
                    .append(type)
                    .append(" { ")
                    .append(body.replace("$", "F" + (i + 1)))
                    .append(" }\n");
        }
        return document.append("fragment F")
                .append(levels)
                .append(" on Product { ")
                .append(LEAVES)
                .append(" }\n")
                .toString();
    }

    @Test
    void fragmentsSpreadTwiceAtEachLevelPlanAsTheSelectionsWrittenOnce() {
        String expanded = chain("{ topProducts { ...F0 } }", "Product", 20, "...$ ...$");
        assertThat(plan(expanded))
                .isEqualTo(plan("{ topProducts { " + LEAVES + " } }"))
                .contains("Fetch(service: \"reviews\")")
                .contains("Fetch(service: \"accounts\")");
    }

    @Test
    void fieldsOfOneResponseKeyThatEachSpreadTheNextFragmentPlanOnce() {
        // the spreads sit in two fields that merge into one: still one place
        String expanded = chain(
                "{ topProducts { ...F0 } }",
                "Product",
                16,
                "reviews { product { ...$ } } reviews { product { ...$ } }");
        assertThat(plan(expanded))
                .isEqualTo(plan(
                        "{ topProducts { " + "reviews { product { ".repeat(16) + LEAVES + " } }".repeat(16) + " } }"));
    }

    @Test
    void rootFragmentsSpreadTwiceAtEachLevelPlanAsTheRootFieldsWrittenOnce() {
        String expanded = chain("{ ...F0 }", "Query", 20, "...$ ...$")
                .replace(
                        "fragment F20 on Product { " + LEAVES,
                        "fragment F20 on Query { topProducts { " + LEAVES + " } me { name }");
        assertThat(plan(expanded)).isEqualTo(plan("{ topProducts { " + LEAVES + " } me { name } }"));
    }

    @Test
    void aFragmentSpreadUnderOtherConditionsIsPlannedForEach() {
        String document =
                "query($a: Boolean!, $b: Boolean!) { topProducts { ...P @include(if: $a) ...P @include(if: $b) "
                        + "...P } }\nfragment P on Product { name reviews { body } }";
        assertThat(plan(document))
                .isEqualTo(plan("query($a: Boolean!, $b: Boolean!) { topProducts { "
                        + "... on Product @include(if: $a) { name reviews { body } } ... on Product @include(if: $b) { name reviews "
                        + "{ body } } ... on Product { name reviews { body } } } }"));
    }
}
