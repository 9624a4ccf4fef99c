package io.meshcatalog.gateway.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.schema.GraphQLSchema;
import io.meshcatalog.gateway.limits.FragmentDepth;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parsed documents by query text, per schema, each validated once when first needed. The gateway validates before it
 * plans and graphql-java shapes the response afterwards: both read the same entry, so a document is parsed and
 * validated once, not once per request and step. Parsing is bounded by {@code gateway.limits.parser-max-tokens} and
 * {@code parser-max-recursion} (an oversized document stops the parser there) and followed by the fragment depth check
 * ({@code max-fragment-depth}); each refusal names its setting. Validation is a separate step, so that an operation the
 * limits refuse is never validated: graphql-java's validation is slow on shapes the limits exist for.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

    /** A document as parsed, or why it cannot be; validated the first time it is asked to be. */
    public static final class Parsed {

        private final @Nullable Document document;
        private final List<GraphQLError> errors;
        private volatile @Nullable PreparsedDocumentEntry validated;

        private Parsed(@Nullable Document document, List<GraphQLError> errors) {
            this.document = document;
            this.errors = List.copyOf(errors);
        }

        /** Whether the document could not be parsed (or is too deep in fragments to validate). */
        public boolean failed() {
            return document == null;
        }

        /** The document; only when it did not fail. */
        public Document document() {
            if (document == null) {
                throw new IllegalStateException("the document failed to parse: " + errors);
            }
            return document;
        }

        /** Why it failed. */
        public List<GraphQLError> errors() {
            return errors;
        }
    }

    private final GraphQLSchema schema;
    private final LimitSettings limits;
    private final ParserOptions parserOptions;
    private final Cache<String, Parsed> entries;

    /**
     * @param name the cache's name in the {@code cache.*} meters
     * @param maxEntries how many documents it keeps; the least recently used goes first
     * @param limits the gateway-wide limits: the parser's and the fragment depth
     */
    public DocumentCache(String name, GraphQLSchema schema, int maxEntries, LimitSettings limits) {
        this.schema = schema;
        this.limits = limits;
        this.parserOptions = limits.parserOptions();
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, name))
                .build();
    }

    /** The validated entry of a document seen and validated before, or null. */
    @Nullable
    PreparsedDocumentEntry cached(String query) {
        Parsed parsed = entries.getIfPresent(query);
        return parsed == null ? null : parsed.validated;
    }

    /** The document as parsed, or why it cannot be. */
    public Parsed parse(String query) {
        return entries.get(query, this::parseAndCheck);
    }

    /** The parsed document validated against the schema (once per document), or its errors. */
    public PreparsedDocumentEntry validate(Parsed parsed) {
        PreparsedDocumentEntry entry = parsed.validated;
        if (entry == null) {
            entry = parsed.failed() ? new PreparsedDocumentEntry(parsed.errors) : validated(parsed.document());
            parsed.validated = entry;
        }
        return entry;
    }

    private PreparsedDocumentEntry validated(Document document) {
        var errors = ParseAndValidate.validate(schema, document);
        return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(document, errors);
    }

    private Parsed parseAndCheck(String query) {
        Document document;
        try {
            document = new Parser()
                    .parseDocument(ParserEnvironment.newParserEnvironment()
                            .document(query)
                            .parserOptions(parserOptions)
                            .build());
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
            return new Parsed(null, List.of(tooLarge(e)));
        } catch (InvalidSyntaxException e) {
            return new Parsed(null, List.of(e.toInvalidSyntaxError()));
        }
        LimitRefusal tooDeep = limits.fragmentDepthRefusal(FragmentDepth.of(document));
        if (tooDeep != null) {
            return new Parsed(
                    null,
                    List.of(GraphqlErrorBuilder.newError()
                            .message(tooDeep.message())
                            .errorType(ErrorType.ValidationError)
                            .extensions(Map.of("code", tooDeep.code()))
                            .build()));
        }
        return new Parsed(document, List.of());
    }

    /** The parser stopped at a limit: say which, with the setting that sets it. */
    private GraphQLError tooLarge(InvalidSyntaxException e) {
        String limit;
        if (e instanceof ParseCancelledTooDeepException) {
            limit = "nests deeper than " + LimitSettings.PREFIX + "parser-max-recursion "
                    + parserOptions.getMaxRuleDepth() + " allows (grammar rules, a few per level of selections)";
        } else if (e instanceof ParseCancelledTooManyCharsException) {
            limit = "is longer than the parser's " + parserOptions.getMaxCharacters() + " characters";
        } else {
            limit = "has more tokens than " + LimitSettings.PREFIX + "parser-max-tokens " + parserOptions.getMaxTokens()
                    + " allows";
        }
        SourceLocation at = e.getLocation();
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .message("the document " + limit + "; parsing stopped"
                        + (at == null ? "" : " at line " + at.getLine() + ", column " + at.getColumn()))
                .errorType(ErrorType.InvalidSyntax)
                .extensions(Map.of("code", "PARSING_ERROR"));
        if (at != null) {
            error.location(at);
        }
        return error.build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(validate(parse(input.getQuery())));
    }
}
