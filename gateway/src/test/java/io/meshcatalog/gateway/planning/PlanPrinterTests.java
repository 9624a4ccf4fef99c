package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPrinterTests {

    private static final PlanNode.Fetch ROOT = new PlanNode.Fetch("a", List.of(), "query { x }", List.of());

    @Test
    void conditionWithBothBranchesPrintsIncludeAndElse() {
        QueryPlan plan = new QueryPlan(
                new PlanNode.Condition("v", ROOT, new PlanNode.Fetch("b", List.of(), "query { y }", List.of())));
        assertThat(plan.print()).isEqualTo("""
        QueryPlan {
          Include(if: $v) {
            Fetch(service: "a") {
              query { x }
            },
          } Else {
            Fetch(service: "b") {
              query { y }
            },
          },
        }
        """);
    }

    @Test
    void flattenPrintsItsPathWithListMarkers() {
        PlanNode.Fetch entities = new PlanNode.Fetch(
                "b",
                List.of(new Selection.InlineFragment("T", List.of(new Selection.Field("id", List.of())))),
                "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on T { y } } }",
                List.of());
        QueryPlan plan = new QueryPlan(new PlanNode.Sequence(List.of(
                ROOT, new PlanNode.Flatten(ResponsePath.root().segment("xs").segment(ResponsePath.EVERY), entities))));
        assertThat(plan.print()).contains("Flatten(path: \"xs.@\")").contains("{ ... on T { id } } =>");
    }

    @Test
    void typeConditionsOfAPathPrintAfterTheirSegmentAndMergeByUnion() {
        ResponsePath review = ResponsePath.root().segment("review");
        ResponsePath user = review.onlyFor(java.util.Set.of("UserReview")).segment("product");
        ResponsePath anonymous =
                review.onlyFor(java.util.Set.of("AnonymousReview")).segment("product");
        assertThat(user.toString()).isEqualTo("review|[UserReview].product");
        assertThat(user.or(anonymous).toString()).isEqualTo("review|[AnonymousReview,UserReview].product");
        assertThat(user.or(user.anyType()).toString()).isEqualTo("review.product");
    }

    @Test
    void responsePathsAreImmutable() {
        ResponsePath root = ResponsePath.root();
        ResponsePath child = root.segment("a");
        assertThat(root.segments()).isEmpty();
        assertThat(child.toString()).isEqualTo("a");
    }
}
