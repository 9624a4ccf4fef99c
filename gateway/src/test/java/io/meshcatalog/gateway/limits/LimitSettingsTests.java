package io.meshcatalog.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.introspection.IntrospectionQueryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each limit's refusal names the measure, the setting and its value, with the router's error code. */
class LimitSettingsTests {

    private static final LimitSettings SMALL = new LimitSettings(20, 100, 5, 3, 1_000, 10, true, 15_000, 500, 20);

    private static List<LimitRefusal> refusals(OperationMeasures measured) {
        return SMALL.refusals(measured);
    }

    @Test
    void depthIsNamedWithItsLimit() {
        assertThat(refusals(new OperationMeasures(37, 40, 1, 0, 0, 0)))
                .containsExactly(new LimitRefusal(
                        "MAX_DEPTH_LIMIT", "the operation's depth is 37, above gateway.limits.max-depth 20"));
    }

    @Test
    void heightIsNamedWithItsLimit() {
        assertThat(refusals(new OperationMeasures(2, 2_097_153, 1, 0, 0, 0)))
                .singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("MAX_HEIGHT_LIMIT");
                    assertThat(refusal.message())
                            .contains("height")
                            .contains("is 2097153, above gateway.limits.max-height 100");
                });
    }

    @Test
    void rootFieldsAreNamedWithTheirLimit() {
        assertThat(refusals(new OperationMeasures(1, 6, 6, 0, 0, 0)))
                .containsExactly(new LimitRefusal(
                        "MAX_ROOT_FIELDS_LIMIT",
                        "the operation has 6 root fields, above gateway.limits.max-root-fields 5"));
    }

    @Test
    void aliasesAreNamedWithTheirLimit() {
        assertThat(refusals(new OperationMeasures(2, 40, 1, 1_200, 0, 0)))
                .containsExactly(new LimitRefusal(
                        "MAX_ALIASES_LIMIT", "the operation has 1200 aliases, above gateway.limits.max-aliases 3"));
    }

    @Test
    void costIsNamedWithItsLimitAndTheAssumedListSize() {
        assertThat(refusals(new OperationMeasures(3, 10, 1, 0, 1_234.5, 0)))
                .singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("COST_ESTIMATED_TOO_EXPENSIVE");
                    assertThat(refusal.message())
                            .startsWith("the operation's estimated cost is 1234.5, above gateway.limits.max-cost 1000")
                            .contains("gateway.limits.list-size 10");
                });
    }

    @Test
    void introspectionListsThreeDeepAreRefused() {
        assertThat(refusals(new OperationMeasures(8, 10, 1, 0, 0, 2))).isEmpty();
        assertThat(refusals(new OperationMeasures(8, 10, 1, 0, 0, 3)))
                .singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("MAX_INTROSPECTION_DEPTH_LIMIT");
                    assertThat(refusal.message())
                            .contains("3 deep")
                            .contains("gateway.limits.introspection-max-depth allows 2");
                });
    }

    @Test
    void everyLimitGoneBeyondIsNamed() {
        assertThat(refusals(new OperationMeasures(37, 200, 6, 4, 2_000, 3)))
                .extracting(LimitRefusal::code)
                .containsExactly(
                        "MAX_DEPTH_LIMIT",
                        "MAX_HEIGHT_LIMIT",
                        "MAX_ROOT_FIELDS_LIMIT",
                        "MAX_ALIASES_LIMIT",
                        "COST_ESTIMATED_TOO_EXPENSIVE",
                        "MAX_INTROSPECTION_DEPTH_LIMIT");
    }

    @Test
    void zeroTurnsAMeasuredLimitOff() {
        LimitSettings off = new LimitSettings(0, 0, 0, 0, 0, 10, false, 15_000, 500, 20);
        assertThat(off.measuresAnything()).isFalse();
        assertThat(off.refusals(new OperationMeasures(1_000, 1_000_000, 1_000, 1_000, 1e12, 9)))
                .isEmpty();
    }

    @Test
    void aNegativeSettingIsRefusedByName() {
        assertThatThrownBy(() -> new LimitSettings(-1, 0, 0, 0, 0, 10, false, 15_000, 500, 20))
                .hasMessage("gateway.limits.max-depth must be 0 (off) or more, not -1");
        assertThatThrownBy(() -> new LimitSettings(0, 0, 0, 0, 0, 10, false, 0, 500, 20))
                .hasMessage("gateway.limits.parser-max-tokens must be at least 1, not 0");
    }

    @Test
    void aFragmentChainIsNamedWithItsLimit() {
        assertThat(SMALL.fragmentDepthRefusal(20)).isNull();
        assertThat(SMALL.fragmentDepthRefusal(21))
                .isEqualTo(
                        new LimitRefusal(
                                "MAX_FRAGMENT_DEPTH_LIMIT",
                                "the document's fragments spread one another 21 deep, above gateway.limits.max-fragment-depth 20"));
    }

    @Test
    void theParserIsGivenTheTokenAndRecursionLimits() {
        var options = new LimitSettings(0, 0, 0, 0, 0, 10, false, 1234, 99, 20).parserOptions();
        assertThat(options.getMaxTokens()).isEqualTo(1234);
        assertThat(options.getMaxRuleDepth()).isEqualTo(99);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 9})
    void theDefaultsAdmitTheIntrospectionQueriesOfTools(int typeReferenceLevels) {
        // GraphiQL 2 (graphql-js 16) asks with deprecated input values and seven levels of ofType; newer tools ask nine
        String introspection = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .inputValueDeprecation(true)
                .typeRefFragmentDepth(typeReferenceLevels));
        OperationMeasures measured = LimitsFixture.measure(introspection);
        assertThat(LimitSettings.DEFAULTS.refusals(measured))
                .as(measured.toString())
                .isEmpty();
    }
}
