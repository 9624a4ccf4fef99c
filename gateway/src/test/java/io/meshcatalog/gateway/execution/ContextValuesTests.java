package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.planning.ContextRewrite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextValuesTests {

    /** {@code owners: [Person {locale: fr}, Company {hqLocale: de}]}, each with {@code assets: [{id}]}. */
    private static ResultTree owners() {
        ResultTree tree = new ResultTree();
        tree.data()
                .put(
                        "owners",
                        List.of(
                                Map.of("__typename", "Person", "locale", "fr", "assets", List.of(Map.of("id", "a1"))),
                                Map.of(
                                        "__typename",
                                        "Company",
                                        "hqLocale",
                                        "de",
                                        "assets",
                                        List.of(Map.of("id", "a1")))));
        return tree;
    }

    private static final List<ContextRewrite> LOCALE = List.of(
            new ContextRewrite("contextualArgument_2_0", 1, "Person", List.of("locale")),
            new ContextRewrite("contextualArgument_2_0", 1, "Company", List.of("hqLocale")));

    @Test
    void eachLevelUpDropsOneResponseKeyAndTheListIndexesAfterIt() {
        assertThat(ContextValues.ancestor(List.of("t", 3, "u"), 1)).containsExactly("t", 3);
        assertThat(ContextValues.ancestor(List.of("a", 0, "b", 1, "c", 2), 2)).containsExactly("a", 0);
        assertThat(ContextValues.ancestor(List.of("t", "u"), 2)).isEmpty();
        assertThat(ContextValues.ancestor(List.of("t"), 2)).isNull();
    }

    @Test
    void theRewriteForTheAncestorsTypeGivesTheValue() {
        assertThat(ContextValues.of(owners(), List.of("owners", 0, "assets", 0), LOCALE))
                .containsExactly(Map.entry("contextualArgument_2_0", "fr"));
        assertThat(ContextValues.of(owners(), List.of("owners", 1, "assets", 0), LOCALE))
                .containsExactly(Map.entry("contextualArgument_2_0", "de"));
    }

    @Test
    void anAncestorOfAnotherTypeGivesNoValueAndTheVariableIsLeftOut() {
        List<ContextRewrite> personOnly = List.of(LOCALE.get(0));
        assertThat(ContextValues.of(owners(), List.of("owners", 1, "assets", 0), personOnly))
                .isEmpty();
    }

    @Test
    void aValueIsReadThroughNestedObjectsAndForEachElementOfAList() {
        ResultTree tree = new ResultTree();
        tree.data()
                .put(
                        "customer",
                        Map.of(
                                "__typename",
                                "Customer",
                                "identifiers",
                                Map.of("legacyUserId", "L-7"),
                                "accounts",
                                List.of(Map.of("number", 1), Map.of("number", 2)),
                                "child",
                                Map.of("id", "k1")));
        List<Object> child = List.of("customer", "child");
        assertThat(ContextValues.of(
                        tree,
                        child,
                        List.of(new ContextRewrite("v", 1, "Customer", List.of("identifiers", "legacyUserId")))))
                .containsExactly(Map.entry("v", "L-7"));
        assertThat(ContextValues.of(
                        tree, child, List.of(new ContextRewrite("v", 1, "Customer", List.of("accounts", "number")))))
                .containsExactly(Map.entry("v", List.of(1, 2)));
    }

    @Test
    void aMissingFieldGivesNoValueButANullIsOne() {
        ResultTree tree = new ResultTree();
        Map<String, Object> customer = new HashMap<>(Map.of("__typename", "Customer", "child", Map.of("id", "k1")));
        customer.put("identifiers", null);
        tree.data().put("customer", customer);
        List<Object> child = List.of("customer", "child");
        assertThat(ContextValues.of(tree, child, List.of(new ContextRewrite("v", 1, "Customer", List.of("locale")))))
                .isEmpty();
        assertThat(ContextValues.of(
                        tree,
                        child,
                        List.of(new ContextRewrite("v", 1, "Customer", List.of("identifiers", "legacyUserId")))))
                .containsEntry("v", null);
    }

    @Test
    void theRootIsReadWithoutATypeGuard() {
        ResultTree tree = new ResultTree();
        tree.data().put("me", Map.of("locale", "fr"));
        tree.data().put("product", Map.of("id", "p1"));
        assertThat(ContextValues.of(
                        tree, List.of("product"), List.of(new ContextRewrite("v", 1, null, List.of("me", "locale")))))
                .containsExactly(Map.entry("v", "fr"));
    }
}
