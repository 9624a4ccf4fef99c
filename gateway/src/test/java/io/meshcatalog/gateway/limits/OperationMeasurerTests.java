package io.meshcatalog.gateway.limits;

import static io.meshcatalog.gateway.limits.LimitsFixture.measure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each measure counts, as Apollo Router counts it, fragments measured once per type they are spread in. */
class OperationMeasurerTests {

    @Test
    void depthCountsNestedFieldsAndFragmentsAddNone() {
        OperationMeasures measured = measure("""
        { product { ...details } }
        fragment details on Product { owner { ... on Team { name } } }
        """);
        assertThat(measured.depth()).isEqualTo(3);
    }

    @Test
    void heightCountsEachResponseNameOncePerSelectionSet() {
        assertThat(measure("{ product { id name id } }").height())
                .as("product, id, name")
                .isEqualTo(3);
        assertThat(measure("{ product { id a: name b: name } }").height())
                .as("aliases are other names")
                .isEqualTo(4);
    }

    @Test
    void rootFieldsIncludeThoseOfFragmentsSpreadAtTheRoot() {
        OperationMeasures measured = measure("""
        { a: product { id } b: product { id } ...more }
        fragment more on Query { team(name: "t") { name } }
        """);
        assertThat(measured.rootFields()).isEqualTo(3);
    }

    @Test
    void aliasesOfAFragmentCountEachTimeItIsSpread() {
        OperationMeasures measured = measure("""
        { product { ...names } team(name: "t") { products { ...names } } }
        fragment names on Product { x: id y: name }
        """);
        assertThat(measured.aliases()).isEqualTo(4);
    }

    @Test
    void fragmentsSpreadingTheNextOneTwiceAreMeasuredWithoutExpandingThem() {
        // 2^20 leaf spreads in under 1 KB: each of the 2^21 leaf fields counts, and the measure takes 21 steps
        String document = LimitsFixture.exponentialFragments(20);
        assertThat(document.length()).isLessThan(1024);
        OperationMeasures measured = measure(document);
        assertThat(measured.height()).isEqualTo((1L << 21) + 1);
        assertThat(measured.depth()).isEqualTo(2);

        // 2^60 leaf spreads: no expansion could finish, the memoised measure is exact
        assertThat(measure(LimitsFixture.exponentialFragments(60)).height()).isEqualTo((1L << 61) + 1);
    }

    @Test
    void countsSaturateInsteadOfOverflowing() {
        assertThat(measure(LimitsFixture.exponentialFragments(70)).height()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFragmentOnAnInterfaceIsMeasuredInTheObjectTypeItIsSpreadIn() {
        OperationMeasures measured = measure("""
        { product { ...identified owner { ...identified } } node(id: "1") { ...identified } }
        fragment identified on Node { id }
        """);
        assertThat(measured.height()).isEqualTo(6);
        assertThat(measured.depth()).isEqualTo(3);
    }

    @Test
    void introspectionListsAreCountedWhereverTheyNest() {
        assertThat(measure("{ __schema { types { fields { type { fields { name } } } } } }")
                        .introspectionDepth())
                .isEqualTo(2);
        assertThat(measure("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")
                        .introspectionDepth())
                .isEqualTo(3);
        assertThat(measure("{ __type(name: \"Product\") { interfaces { interfaces { possibleTypes { name } } } } }")
                        .introspectionDepth())
                .isEqualTo(3);
    }

    @Test
    void aFragmentReachedAgainDeeperCountsItsIntrospectionListsThere() {
        OperationMeasures measured = measure("""
        { __schema { types { ...lists fields { type { fields { type { ...lists } } } } } } }
        fragment lists on __Type { fields { name } }
        """);
        assertThat(measured.introspectionDepth()).isEqualTo(3);
    }

    @Test
    void introspectionCostsNothingAndDataCostsByType() {
        assertThat(measure("{ __schema { types { fields { name } } } }").cost()).isZero();
        assertThat(measure("{ product { id owner { name } } }").cost())
                .as("product 1 + owner 1")
                .isEqualTo(2);
        assertThat(measure("{ products { owner { name } } }").cost())
                .as("10 × (product 1 + owner 1)")
                .isEqualTo(20);
        assertThat(measure("mutation { rename(id: \"1\", name: \"x\") { id } }").cost())
                .as("10 + 1")
                .isEqualTo(11);
    }
}
