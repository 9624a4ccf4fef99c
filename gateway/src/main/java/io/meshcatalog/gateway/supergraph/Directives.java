package io.meshcatalog.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumValue;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads arguments of applied directives in the supergraph SDL. */
final class Directives {

    private Directives() {}

    static List<Directive> named(DirectivesContainer<?> container, String name) {
        return container.getDirectives().stream()
                .filter(d -> d.getName().equals(name))
                .toList();
    }

    static boolean has(DirectivesContainer<?> container, String name) {
        return container.getDirectives().stream().anyMatch(d -> d.getName().equals(name));
    }

    static @Nullable String string(Directive directive, String argument) {
        Value<?> value = value(directive, argument);
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof EnumValue e) {
            return e.getName();
        }
        return null;
    }

    static boolean bool(Directive directive, String argument, boolean defaultValue) {
        Value<?> value = value(directive, argument);
        return value instanceof BooleanValue b ? b.isValue() : defaultValue;
    }

    static @Nullable Value<?> value(Directive directive, String argument) {
        Argument found = directive.getArgument(argument);
        return found == null ? null : found.getValue();
    }
}
