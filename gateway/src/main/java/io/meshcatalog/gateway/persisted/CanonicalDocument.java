package io.meshcatalog.gateway.persisted;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GraphQL document as a safelist compares it: its definitions printed without what GraphQL ignores (whitespace,
 * comments, commas) and in a fixed order, so two texts that differ only in those match, as Apollo Router matches a
 * document against its persisted query list.
 */
final class CanonicalDocument {

    private static final Set<String> INTROSPECTION = Set.of("__schema", "__type", "__typename");

    private CanonicalDocument() {}

    /** The canonical text of {@code text}; empty when it does not parse, so it matches nothing. */
    static Optional<String> of(String text) {
        return parse(text).map(CanonicalDocument::of);
    }

    static String of(Document document) {
        return document.getDefinitions().stream()
                .map(AstPrinter::printAstCompact)
                .sorted()
                .collect(Collectors.joining(" "));
    }

    static Optional<Document> parse(String text) {
        try {
            // the parser's own limits (tokens, depth) apply; the gateway parses the document again with its own
            return Optional.of(Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(text)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions())
                    .build()));
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether every operation of {@code document} asks only for introspection ({@code __schema}, {@code __type},
     * {@code __typename}, fragments at its top level included): what a schema explorer sends, allowed by a safelist
     * as Apollo Router allows it while introspection is on.
     */
    static boolean introspectionOnly(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return !operations.isEmpty()
                && operations.stream()
                        .allMatch(operation ->
                                introspectionOnly(operation.getSelectionSet(), fragments, new HashSet<>()));
    }

    private static boolean introspectionOnly(
            SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> visiting) {
        for (Selection<?> selection : selections.getSelections()) {
            if (!introspectionOnly(selection, fragments, visiting)) {
                return false;
            }
        }
        return true;
    }

    private static boolean introspectionOnly(
            Selection<?> selection, Map<String, FragmentDefinition> fragments, Set<String> visiting) {
        if (selection instanceof Field field) {
            return INTROSPECTION.contains(field.getName());
        }
        if (selection instanceof InlineFragment inline) {
            return introspectionOnly(inline.getSelectionSet(), fragments, visiting);
        }
        if (selection instanceof FragmentSpread named) {
            FragmentDefinition fragment = fragments.get(named.getName());
            // a spread of a missing fragment, or of one it is inside of (a cycle), is the validator's to refuse
            if (fragment == null || !visiting.add(named.getName())) {
                return false;
            }
            boolean only = introspectionOnly(fragment.getSelectionSet(), fragments, visiting);
            visiting.remove(named.getName());
            return only;
        }
        return false;
    }

    /** Whether {@code document} defines an operation to run, not only fragments. */
    static boolean hasOperation(Document document) {
        return !document.getDefinitionsOfType(OperationDefinition.class).isEmpty();
    }
}
