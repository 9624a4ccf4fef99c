package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.meshcatalog.gateway.limits.LimitSettings;
import org.junit.jupiter.api.Test;

/**
 * Documents beyond the parser's limits fail while they are parsed, with the setting that stopped them; validation is a
 * step of its own, taken once per document.
 */
class DocumentCacheTests {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator()
            .makeExecutableSchema(
                    new SchemaParser().parse("type Query { a: A } type A { a: A b: Int }"),
                    RuntimeWiring.MOCKED_WIRING);

    private final DocumentCache documents = new DocumentCache("test", SCHEMA, 10, LimitSettings.DEFAULTS);

    private static GraphQLError onlyError(DocumentCache.Parsed parsed) {
        assertThat(parsed.failed()).isTrue();
        assertThat(parsed.errors()).hasSize(1);
        return parsed.errors().get(0);
    }

    @Test
    void aDocumentWithMoreTokensThanAllowedFailsWhileParsing() {
        String oversized = "{ a { " + "b ".repeat(15_000) + "} }";
        GraphQLError error = onlyError(documents.parse(oversized));
        assertThat(error.getMessage())
                .startsWith("the document has more tokens than gateway.limits.parser-max-tokens 15000 "
                        + "allows; parsing stopped at line 1");
        assertThat(error.getExtensions()).containsEntry("code", "PARSING_ERROR");
    }

    @Test
    void aDocumentNestedDeeperThanAllowedFailsWhileParsing() {
        String deep = "{ " + "a { ".repeat(300) + "b" + " }".repeat(300) + " }";
        assertThat(onlyError(documents.parse(deep)).getMessage())
                .startsWith("the document nests deeper than gateway.limits.parser-max-recursion 500 allows");
    }

    @Test
    void theConfiguredParserLimitsAreTheOnesApplied() {
        LimitSettings small = new LimitSettings(0, 0, 0, 0, 0, 10, false, 20, 500, 20);
        DocumentCache documents = new DocumentCache("test", SCHEMA, 10, small);
        assertThat(documents.parse("{ a { b } }").failed()).isFalse();
        assertThat(onlyError(documents.parse("{ a { a { a { a { a { a { b } } } } } } }"))
                        .getMessage())
                .contains("gateway.limits.parser-max-tokens 20");
    }

    @Test
    void fragmentsSpreadingOneAnotherTooDeepAreRefusedBeforeValidation() {
        StringBuilder chain = new StringBuilder("{ a { ...F0 } }\n");
        for (int i = 0; i < 25; i++) {
            chain.append("fragment F")
                    .append(i)
                    .append(" on A { a { ...F")
                    .append(i + 1)
                    .append(" } }\n");
        }
        chain.append("fragment F25 on A { b }");
        GraphQLError error = onlyError(documents.parse(chain.toString()));
        assertThat(error.getMessage())
                .isEqualTo(
                        "the document's fragments spread one another 26 deep, above gateway.limits.max-fragment-depth 20");
        assertThat(error.getExtensions()).containsEntry("code", "MAX_FRAGMENT_DEPTH_LIMIT");
    }

    @Test
    void aDocumentIsValidatedOnceAndOnlyWhenAsked() {
        DocumentCache.Parsed parsed = documents.parse("{ a { nope } }");
        assertThat(parsed.failed()).as("parsing does not validate").isFalse();
        assertThat(documents.cached("{ a { nope } }")).isNull();
        var validated = documents.validate(parsed);
        assertThat(validated.getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("nope"));
        assertThat(documents.validate(documents.parse("{ a { nope } }"))).isSameAs(validated);
    }
}
