package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.planning.ResponsePath;
import io.meshcatalog.gateway.planning.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTreeTests {

    @Test
    void objectsAtAFlattenPathCarryTheirClientPaths() {
        ResultTree tree = new ResultTree();
        Map<String, Object> a = new LinkedHashMap<>(Map.of("id", "1"));
        Map<String, Object> b = new LinkedHashMap<>(Map.of("id", "2"));
        List<Object> items = new ArrayList<>();
        items.add(a);
        items.add(null);
        items.add(b);
        tree.data().put("items", items);
        List<ResultTree.Located> found =
                tree.objectsAt(ResponsePath.root().segment("items").segment(ResponsePath.EVERY));
        assertThat(found)
                .extracting(ResultTree.Located::path)
                .containsExactly(List.of("items", 0), List.of("items", 2));
    }

    @Test
    void aPathUnderATypeConditionReachesObjectsBelowThatTypeOnly() {
        ResultTree tree = new ResultTree();
        tree.data()
                .put(
                        "reviews",
                        List.of(
                                Map.of("__typename", "AnonymousReview", "product", Map.of("id", "p1")),
                                Map.of("__typename", "UserReview", "product", Map.of("id", "p2"))));
        ResponsePath products = ResponsePath.root()
                .segment("reviews")
                .segment(ResponsePath.EVERY)
                .onlyFor(java.util.Set.of("UserReview"))
                .segment("product");
        assertThat(tree.objectsAt(products))
                .extracting(ResultTree.Located::path)
                .containsExactly(List.of("reviews", 1, "product"));
        assertThat(tree.objectsAt(products.anyType())).hasSize(2);
    }

    @Test
    void mergeIsDeepForObjectsAndListsOfSameLength() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("a", new LinkedHashMap<>(Map.of("x", 1)));
        target.put("list", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("id", 1)))));
        ResultTree.merge(cast(target), cast(Map.of("a", Map.of("y", 2), "list", List.of(Map.of("name", "n")))));
        assertThat(target)
                .isEqualTo(Map.of("a", Map.of("x", 1, "y", 2), "list", List.of(Map.of("id", 1, "name", "n"))));
    }

    @Test
    void anOwnedSourceIsTakenOverWhereMutableAndCopiedWhereNot() {
        Map<String, Object> node = new LinkedHashMap<>(Map.of("id", "a"));
        List<Object> nodes = new ArrayList<>(List.of(node, Map.of("id", "b")));
        Map<String, Object> impact = new LinkedHashMap<>(Map.of("nodes", nodes));
        Map<String, Object> target = new LinkedHashMap<>();

        ResultTree.mergeOwned(cast(target), cast(Map.of("impact", impact)));

        assertThat(target).isEqualTo(Map.of("impact", Map.of("nodes", List.of(Map.of("id", "a"), Map.of("id", "b")))));
        assertThat(target.get("impact")).isSameAs(impact);
        assertThat(nodes.get(0)).isSameAs(node);
        // the immutable one was copied, so a later entity fetch can merge into it
        ResultTree.merge(cast(target), cast(Map.of("impact", Map.of("nodes", List.of(Map.of(), Map.of("name", "B"))))));
        assertThat(nodes.get(1)).isEqualTo(Map.of("id", "b", "name", "B"));
    }

    @Test
    void representationIsNullWhenASelectedFieldIsMissing() {
        List<Selection> key =
                List.of(new Selection.Field("__typename", List.of()), new Selection.Field("id", List.of()));
        assertThat(ResultTree.project(cast(Map.of("__typename", "User")), key)).isNull();
        assertThat(ResultTree.project(cast(Map.of("__typename", "User", "id", "1", "name", "x")), key))
                .isEqualTo(Map.of("__typename", "User", "id", "1"));
    }

    @Test
    void anAbstractTypeConditionAppliesToObjectsOfItsPossibleTypes() {
        List<Selection> onMedia = List.of(new Selection.InlineFragment(
                "Media", java.util.Set.of("Book", "Film"), List.of(new Selection.Field("title", List.of()))));
        assertThat(ResultTree.project(cast(Map.of("__typename", "Book", "title", "Dune")), onMedia))
                .isEqualTo(Map.of("title", "Dune"));
        assertThat(ResultTree.project(cast(Map.of("__typename", "Song", "title", "Blue")), onMedia))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @org.jspecify.annotations.Nullable Object> cast(Map<String, ?> map) {
        return (Map<String, @org.jspecify.annotations.Nullable Object>) map;
    }
}
