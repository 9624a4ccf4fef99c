package io.meshcatalog.gateway.planning;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The mutable selection set of one fetch while the planner builds it. Fields merge by response key
 * (and conditional directives), fragments by type condition, so adding a key field twice is
 * harmless. Frozen into text and {@link Selection}s when the plan is assembled.
 */
final class SelectionBuilder {

    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final Shared shared;
    private final @Nullable SelectionBuilder enclosing;
    private final List<SelectionBuilder> mergedIn = new ArrayList<>();

    /** The root selection of a fetch. */
    SelectionBuilder() {
        this(new Shared(), null);
    }

    private SelectionBuilder(Shared shared, @Nullable SelectionBuilder enclosing) {
        this.shared = shared;
        this.enclosing = enclosing;
    }

    /** Per fetch: the alias counter and the aliases to rename back in the fetch's response. */
    private static final class Shared {
        final Map<String, String> renames = new LinkedHashMap<>();
        int aliases;
    }

    /** Internal aliases that must become the client's response keys again when the response arrives. */
    Map<String, String> renames() {
        return shared.renames;
    }

    /**
     * A client field whose type in this subgraph is {@code localType}: sibling fragments may select
     * the same response key with another type (legal in the API schema, a conflict in the subgraph),
     * then this one is sent under an alias and renamed back in the response.
     */
    FieldEntry field(Field field, boolean composite, @Nullable String localType) {
        Field head = field.transform(b -> b.selectionSet(null).directives(conditionalOnly(field.getDirectives())));
        Object existing = entries.get("f:" + AstPrinter.printAst(head));
        if (existing != null || localType == null || !conflicts(head.getResultKey(), localType)) {
            FieldEntry entry = field(field, composite);
            if (entry.localType == null) {
                entry.localType = localType;
            }
            return entry;
        }
        String alias = head.getName() + "__mcr" + shared.aliases++;
        shared.renames.put(alias, head.getResultKey());
        Field aliased = field.transform(b -> b.alias(alias));
        FieldEntry entry = field(aliased, composite);
        entry.localType = localType;
        return entry;
    }

    private boolean conflicts(String responseKey, String localType) {
        SelectionBuilder scope = this;
        while (scope.enclosing != null) {
            scope = scope.enclosing;
        }
        return scope.hasOtherType(responseKey, localType);
    }

    private boolean hasOtherType(String responseKey, String localType) {
        for (Object entry : entries.values()) {
            if (entry instanceof FieldEntry field) {
                if (field.head.getResultKey().equals(responseKey)
                        && field.localType != null
                        && !field.localType.equals(localType)) {
                    return true;
                }
            } else if (((FragmentEntry) entry).children().hasOtherType(responseKey, localType)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry for a field the client asked for, added if absent; {@code composite} fields get a
     * child builder. A field the planner added under the same response key moves to an alias.
     */
    FieldEntry field(Field field, boolean composite) {
        Field head = field.transform(b -> b.selectionSet(null).directives(conditionalOnly(field.getDirectives())));
        String key = "f:" + AstPrinter.printAst(head);
        Object existing = entries.get(key);
        if (existing != null) {
            return (FieldEntry) existing;
        }
        FieldEntry taken = byResponseKey(head.getResultKey());
        if (taken != null && taken.internal) {
            entries.values().remove(taken);
            taken.head = taken.head.transform(b -> b.alias(taken.head.getName() + "__mc" + shared.aliases++));
            entries.put("f:" + AstPrinter.printAst(taken.head), taken);
        }
        FieldEntry entry = new FieldEntry(head, composite ? new SelectionBuilder(shared, null) : null, false);
        entries.put(key, entry);
        return entry;
    }

    /**
     * A field the planner needs (a key, a required field, {@code __typename}): reuses the client's
     * identical field, else takes the field name as response key, or an internal alias when the
     * client already uses that name for something else.
     */
    FieldEntry internalField(Field field, boolean composite) {
        return internalField(field, composite, false);
    }

    /** As {@link #internalField(Field, boolean)}, under an internal alias also when {@code nameTaken} elsewhere. */
    FieldEntry internalField(Field field, boolean composite, boolean nameTaken) {
        Field head = field.transform(b -> b.selectionSet(null).alias(null).directives(List.of()));
        String signature = AstPrinter.printAst(head);
        FieldEntry same = bySignature(signature);
        if (same != null) {
            return same;
        }
        Field placed = byResponseKey(head.getName()) == null && !nameTaken
                ? head
                : head.transform(b -> b.alias(head.getName() + "__mc" + shared.aliases++));
        FieldEntry entry = new FieldEntry(placed, composite ? new SelectionBuilder(shared, null) : null, true);
        entries.put("f:" + AstPrinter.printAst(placed), entry);
        return entry;
    }

    /** A plain field by name, such as {@code __typename} or a key field. */
    FieldEntry field(String name, boolean composite) {
        return internalField(Field.newField(name).build(), composite);
    }

    /**
     * Another fetch's selection whose data lands in the same objects as this one's: an entity fetch entered here.
     * {@link #find} looks there for what this selection does not fetch itself.
     */
    void mergedIn(SelectionBuilder other) {
        if (other != this && !mergedIn.contains(other)) {
            mergedIn.add(other);
        }
    }

    /**
     * Where the value of a field (name and arguments, no alias) sits in the fetched data: in this selection, else in
     * a selection merged into the same objects (under the internal alias that fetch may have given it).
     */
    @Nullable
    FieldEntry find(Field field) {
        return find(
                ClientKeys.signature(field), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private @Nullable FieldEntry find(String signature, Set<SelectionBuilder> seen) {
        if (!seen.add(this)) {
            return null;
        }
        FieldEntry here = bySignature(signature);
        if (here != null) {
            return here;
        }
        for (SelectionBuilder other : mergedIn) {
            FieldEntry there = other.find(signature, seen);
            if (there != null) {
                return there;
            }
        }
        return null;
    }

    private @Nullable FieldEntry byResponseKey(String responseKey) {
        for (Object entry : entries.values()) {
            if (entry instanceof FieldEntry field && field.head.getResultKey().equals(responseKey)) {
                return field;
            }
        }
        return null;
    }

    private @Nullable FieldEntry bySignature(String signature) {
        FieldEntry any = null;
        for (Object entry : entries.values()) {
            if (entry instanceof FieldEntry field
                    && field.head.getDirectives().isEmpty()
                    && AstPrinter.printAst(field.head.transform(b -> b.alias(null)))
                            .equals(signature)) {
                if (field.head.getAlias() == null) {
                    return field;
                }
                any = any == null ? field : any;
            }
        }
        return any;
    }

    /** The builder for {@code ... on typeCondition}, added if absent. */
    SelectionBuilder fragment(String typeCondition, List<Directive> directives) {
        List<Directive> kept = conditionalOnly(directives);
        StringBuilder key = new StringBuilder("t:").append(typeCondition);
        kept.forEach(d -> key.append(' ').append(AstPrinter.printAst(d)));
        Object entry = entries.computeIfAbsent(
                key.toString(), k -> new FragmentEntry(typeCondition, kept, new SelectionBuilder(shared, this)));
        return ((FragmentEntry) entry).children();
    }

    /** The builder for {@code ... on typeCondition} without conditions, if present. */
    @Nullable
    SelectionBuilder existingFragment(String typeCondition) {
        Object entry = entries.get("t:" + typeCondition);
        return entry instanceof FragmentEntry fragment ? fragment.children() : null;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The selection set in GraphQL syntax on one line, with braces. */
    String print() {
        StringBuilder out = new StringBuilder("{");
        for (Object entry : entries.values()) {
            out.append(' ');
            if (entry instanceof FieldEntry field) {
                out.append(AstPrinter.printAst(field.head()));
                if (field.children() != null) {
                    out.append(' ').append(field.children().print());
                }
            } else {
                FragmentEntry fragment = (FragmentEntry) entry;
                out.append("... on ").append(fragment.typeCondition());
                fragment.directives().forEach(d -> out.append(' ').append(AstPrinter.printAst(d)));
                out.append(' ').append(fragment.children().print());
            }
        }
        return out.append(" }").toString();
    }

    /** Adds the names of every variable the selections refer to. */
    void collectVariables(Set<String> out) {
        for (Object entry : entries.values()) {
            if (entry instanceof FieldEntry field) {
                field.head().getArguments().forEach(a -> collect(a.getValue(), out));
                field.head().getDirectives().forEach(d -> d.getArguments().forEach(a -> collect(a.getValue(), out)));
                if (field.children() != null) {
                    field.children().collectVariables(out);
                }
            } else {
                FragmentEntry fragment = (FragmentEntry) entry;
                fragment.directives().forEach(d -> d.getArguments().forEach(a -> collect(a.getValue(), out)));
                fragment.children().collectVariables(out);
            }
        }
    }

    private static void collect(Value<?> value, Set<String> out) {
        if (value instanceof VariableReference ref) {
            out.add(ref.getName());
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(v -> collect(v, out));
        } else if (value instanceof ObjectValue object) {
            object.getObjectFields().forEach(f -> collect(f.getValue(), out));
        }
    }

    /**
     * Keeps {@code @skip}/{@code @include} whose condition is a variable, so the subgraph applies it;
     * literal ones were already applied by the planner, and other directives are the client's
     * business with the gateway.
     */
    private static List<Directive> conditionalOnly(List<Directive> directives) {
        List<Directive> kept = new ArrayList<>();
        for (Directive d : directives) {
            if (d.getName().equals("skip") || d.getName().equals("include")) {
                Argument condition = d.getArgument("if");
                if (condition != null && condition.getValue() instanceof VariableReference) {
                    kept.add(d);
                }
            }
        }
        return kept;
    }

    /** A field and, for composite fields, its sub-selections; planner-added ones may be re-aliased. */
    static final class FieldEntry {
        private Field head;
        private final @Nullable SelectionBuilder children;
        private final boolean internal;
        private @Nullable String localType;

        FieldEntry(Field head, @Nullable SelectionBuilder children, boolean internal) {
            this.head = head;
            this.children = children;
            this.internal = internal;
        }

        Field head() {
            return head;
        }

        @Nullable
        SelectionBuilder children() {
            return children;
        }

        String responseKey() {
            return head.getResultKey();
        }
    }

    private record FragmentEntry(String typeCondition, List<Directive> directives, SelectionBuilder children) {}
}
