package io.meshcatalog.gateway.supergraph;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * A {@code join__FieldSet} (a key, requires or provides) parsed once into a selection set.
 *
 * @param text the field set as written in the supergraph
 * @param selectionSet the parsed selections, without braces in the text
 */
public record FieldSet(String text, SelectionSet selectionSet) {

    /** Parses a field set such as {@code id organization { id }}. */
    public static FieldSet parse(String text) {
        try {
            Document document = Parser.parse("{" + text + "}");
            OperationDefinition operation =
                    (OperationDefinition) document.getDefinitions().get(0);
            return new FieldSet(text, operation.getSelectionSet());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid field set \"" + text + "\": " + e.getMessage(), e);
        }
    }
}
