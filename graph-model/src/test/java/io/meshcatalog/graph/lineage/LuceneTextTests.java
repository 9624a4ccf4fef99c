package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuceneTextTests {

    @Test
    void operatorsAreEscapedAndWordsLowerCased() {
        assertThat(LuceneText.of("Delays AND (cost OR revenue)")).isEqualTo("delays and \\(cost or revenue\\)");
        assertThat(LuceneText.of("name:x~2^3 \"quoted\" a*")).isEqualTo("name\\:x\\~2\\^3 \\\"quoted\\\" a\\*");
        assertThat(LuceneText.of("  spaced   out  ")).isEqualTo("spaced out");
        assertThat(LuceneText.of("   ")).isEmpty();
    }

    @Test
    void overlongTextIsClipped() {
        assertThat(LuceneText.of("a".repeat(10_000))).hasSize(LuceneText.MAX_LENGTH);
    }
}
