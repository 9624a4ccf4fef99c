package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTests {

    @Test
    void defaultsFillWhatTheClientDidNotSend() {
        var document = Parser.parse("query Q($a: Boolean = true, $b: Int = 3, $c: [String] = [\"x\"]) { f }");
        assertThat(Variables.withDefaults(document, "Q", Map.of("b", 7)))
                .containsEntry("a", true)
                .containsEntry("b", 7)
                .containsEntry("c", java.util.List.of("x"));
    }

    @Test
    void explicitNullIsKept() {
        var document = Parser.parse("query ($a: Boolean = true) { f }");
        java.util.Map<String, Object> sent = new java.util.HashMap<>();
        sent.put("a", null);
        assertThat(Variables.withDefaults(document, null, sent)).containsEntry("a", null);
    }
}
