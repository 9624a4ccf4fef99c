package io.meshcatalog.graph.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.model.Classification;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleAccessTests {

    private static final List<String> DECLARED = List.of("ana@example.com");
    private static final Viewer ANALYST = Viewer.of("ana", Set.of("orders-team"));

    @Test
    void personalDataShowsItsExamplesOnlyWithThePiiScope() {
        assertThat(ExampleAccess.examples(Classification.PII, DECLARED, ANALYST))
                .isEqualTo(new ExampleAccess.Examples(List.of(), true));
        assertThat(ExampleAccess.examples(Classification.PII, DECLARED, ANALYST.withScopes(Set.of("pii:read"))))
                .isEqualTo(new ExampleAccess.Examples(DECLARED, false));
        assertThat(ExampleAccess.examples(Classification.PII, DECLARED, ANALYST.withScopes(Set.of("restricted:read")))
                        .withheld())
                .isTrue();
    }

    @Test
    void restrictedDataShowsItsExamplesOnlyWithTheRestrictedScope() {
        assertThat(ExampleAccess.examples("RESTRICTED", DECLARED, ANALYST).withheld())
                .isTrue();
        assertThat(ExampleAccess.examples("RESTRICTED", DECLARED, ANALYST.withScopes(Set.of("restricted:read")))
                        .values())
                .isEqualTo(DECLARED);
    }

    @Test
    void otherFieldsShowTheirExamplesToWhoeverSeesThem() {
        for (Classification open :
                List.of(Classification.PUBLIC, Classification.INTERNAL, Classification.CONFIDENTIAL)) {
            assertThat(ExampleAccess.examples(open, DECLARED, Viewer.PUBLIC).values())
                    .as(open.name())
                    .isEqualTo(DECLARED);
        }
        assertThat(ExampleAccess.examples((String) null, DECLARED, Viewer.PUBLIC)
                        .withheld())
                .isFalse();
    }

    @Test
    void withoutTheScopeEvenAFieldWithoutExamplesSaysTheyAreWithheld() {
        assertThat(ExampleAccess.examples(Classification.PII, List.of(), ANALYST)
                        .withheld())
                .isTrue();
        assertThat(ExampleAccess.examples(Classification.PII, DECLARED, Viewer.EVERYTHING)
                        .withheld())
                .isTrue();
    }
}
