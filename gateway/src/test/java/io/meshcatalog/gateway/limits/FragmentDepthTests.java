package io.meshcatalog.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

/** The longest chain of fragment spreads, found without recursion and without following a spread twice. */
class FragmentDepthTests {

    private static int depth(String document) {
        return FragmentDepth.of(Parser.parse(ParserEnvironment.newParserEnvironment()
                .document(document)
                .parserOptions(ParserOptions.newParserOptions()
                        .maxTokens(Integer.MAX_VALUE)
                        .maxCharacters(Integer.MAX_VALUE)
                        .maxWhitespaceTokens(Integer.MAX_VALUE)
                        .build())
                .build()));
    }

    @Test
    void aDocumentWithoutFragmentsHasNone() {
        assertThat(depth("{ product { id } }")).isZero();
    }

    @Test
    void nestedSpreadsAreCountedAlongTheirPath() {
        assertThat(depth("""
        { product { ...a } }
        fragment a on Product { owner { ...b } related { id } }
        fragment b on Team { products { ...c } }
        fragment c on Product { id }
        fragment lone on Product { name }
        """)).isEqualTo(3);
    }

    @Test
    void unusedFragmentsCountToo() {
        assertThat(depth("{ product { id } } fragment a on Product { ...b } fragment b on Product { id }"))
                .isEqualTo(2);
    }

    @Test
    void chainsOfThousandsAreMeasuredAndDoubleSpreadsFollowedOnce() {
        assertThat(depth(LimitsFixture.exponentialFragments(20))).isEqualTo(21);
        StringBuilder chain = new StringBuilder("{ product { ...F0 } }\n");
        for (int i = 0; i < 10_000; i++) {
            chain.append("fragment F")
                    .append(i)
                    .append(" on Product { ...F")
                    .append(i + 1)
                    .append(" }\n");
        }
        assertThat(depth(chain.append("fragment F10000 on Product { id }").toString()))
                .isEqualTo(10_001);
    }

    @Test
    void aCycleEndsTheChainAndValidationNamesIt() {
        assertThat(depth("{ product { ...a } } fragment a on Product { ...b } fragment b on Product { ...a }"))
                .isEqualTo(2);
    }
}
