package io.meshcatalog.gateway.planning;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable selection the executor reads values by: the representation an entity fetch sends
 * is the projection of an object through these selections.
 */
public sealed interface Selection permits Selection.Field, Selection.InlineFragment {

    /** Prints the selection in GraphQL syntax on one line. */
    String print();

    /**
     * A field; {@code selections} is empty for a leaf. {@code responseKey} is where the value sits in
     * the fetched data: the field name, or the internal alias the planner gave it because the client
     * used that name for something else.
     */
    record Field(String name, String responseKey, List<Selection> selections) implements Selection {
        public Field {
            selections = List.copyOf(selections);
        }

        /** A field read under its own name. */
        public Field(String name, List<Selection> selections) {
            this(name, name, selections);
        }

        @Override
        public String print() {
            return selections.isEmpty() ? name : name + " " + printAll(selections);
        }
    }

    /**
     * Selections that apply to an object whose {@code __typename} is {@code typeCondition} or one of
     * its {@code possibleTypes} (the object types of an interface or union condition).
     */
    record InlineFragment(String typeCondition, Set<String> possibleTypes, List<Selection> selections)
            implements Selection {
        public InlineFragment {
            possibleTypes = Set.copyOf(possibleTypes);
            selections = List.copyOf(selections);
        }

        /** A fragment on an object type, which applies to that type only. */
        public InlineFragment(String typeCondition, List<Selection> selections) {
            this(typeCondition, Set.of(typeCondition), selections);
        }

        /** Whether the selections apply to an object of this {@code __typename}. */
        public boolean appliesTo(@Nullable Object typename) {
            return typename instanceof String name && (typeCondition.equals(name) || possibleTypes.contains(name));
        }

        @Override
        public String print() {
            return "... on " + typeCondition + " " + printAll(selections);
        }
    }

    /** Prints a selection set with braces. */
    static String printAll(List<? extends Selection> selections) {
        StringBuilder out = new StringBuilder("{");
        for (Selection s : selections) {
            out.append(' ').append(s.print());
        }
        return out.append(" }").toString();
    }
}
