package io.meshcatalog.gateway.planning;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.meshcatalog.gateway.supergraph.AuthRequirements;
import io.meshcatalog.gateway.supergraph.FieldDef;
import io.meshcatalog.gateway.supergraph.TypeDef;
import io.meshcatalog.gateway.supergraph.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One walk of one operation that removes what a caller may not read, as Apollo's router does: a field whose own
 * requirements, or whose type's, are denied; a fragment whose type condition is denied; a field selected on an
 * interface when one of its implementations denies that field; a field returning an interface that selects more
 * than {@code __typename} when one of the implementations is denied; and a field whose selection set ends up empty
 * (without an error of its own: its removed children explain it). Each removal is a path in {@link RemovedPaths}.
 * A named fragment is walked once, whatever number of places spread it (its paths are relative and joined at each
 * spread), so a document that spreads fragments exponentially costs linear work. {@code @skip} and
 * {@code @include} are left in place for the planner to decide; introspection fields are never touched.
 */
final class OperationFilter {

    private final AuthorizationFilter.Model model;
    private final Predicate<AuthRequirements> denied;
    private final boolean dryRun;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Walked> walked = new HashMap<>();
    private final List<String> path = new ArrayList<>();

    /** A fragment definition as walked once: what is left of it (null: nothing) and its removals, relative. */
    private record Walked(@Nullable FragmentDefinition kept, RemovedPaths removed) {}

    /**
     * @param denied whether the caller is denied a requirement; asked about every requirement the walk meets on what it
     *     keeps, and never about {@link AuthRequirements#NONE}
     * @param dryRun whether to keep everything and only name what would be removed
     */
    OperationFilter(
            AuthorizationFilter.Model model, Document document, Predicate<AuthRequirements> denied, boolean dryRun) {
        this.model = model;
        this.denied = denied;
        this.dryRun = dryRun;
        this.fragments = Operations.fragments(document);
    }

    /** The operation as the caller may run it: null when nothing is left; the removals go to {@code removed}. */
    @Nullable
    OperationDefinition operation(OperationDefinition operation, String rootType, RemovedPaths removed) {
        TypeDef root = model.type(rootType);
        if (root != null && isDenied(root.access())) {
            removed.add(List.of());
            if (!dryRun) {
                return null;
            }
        }
        SelectionSet kept = selections(operation.getSelectionSet(), rootType, removed);
        if (kept == null) {
            return null;
        }
        return kept == operation.getSelectionSet() ? operation : operation.transform(b -> b.selectionSet(kept));
    }

    /** The fragment definitions the kept operation still spreads, as walked, in document order. */
    List<Definition<?>> keptFragments() {
        List<Definition<?>> kept = new ArrayList<>();
        fragments.keySet().forEach(name -> {
            Walked fragment = walked.get(name);
            if (fragment != null && fragment.kept() != null) {
                kept.add(fragment.kept());
            }
        });
        return kept;
    }

    private @Nullable SelectionSet selections(SelectionSet set, String parentType, RemovedPaths removed) {
        @SuppressWarnings("rawtypes")
        List<Selection> kept = new ArrayList<>(set.getSelections().size());
        boolean changed = false;
        for (Selection<?> selection : set.getSelections()) {
            Selection<?> filtered = selection(selection, parentType, removed);
            changed |= filtered != selection;
            if (filtered != null) {
                kept.add(filtered);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return changed ? set.transform(b -> b.selections(kept)) : set;
    }

    private @Nullable Selection<?> selection(Selection<?> selection, String parentType, RemovedPaths removed) {
        if (selection instanceof Field field) {
            return field(field, parentType, removed);
        }
        if (selection instanceof InlineFragment inline) {
            return inline(inline, parentType, removed);
        }
        return spread((FragmentSpread) selection, removed);
    }

    private @Nullable Field field(Field field, String parentType, RemovedPaths removed) {
        TypeDef parent = model.type(parentType);
        FieldDef definition = parent == null || field.getName().startsWith("__")
                ? null
                : parent.field(field.getName()).orElse(null);
        if (definition == null) {
            return field;
        }
        String typeName = definition.type().namedType();
        TypeDef type = model.type(typeName);
        int mark = path.size();
        path.add(field.getResultKey());
        try {
            if (deniesField(parent, definition, type, field)) {
                removed.add(path);
                if (!dryRun) {
                    return null;
                }
            }
            if (field.getSelectionSet() == null) {
                return field;
            }
            for (int i = 0; i < definition.type().listDepth(); i++) {
                path.add("@");
            }
            SelectionSet kept = selections(field.getSelectionSet(), typeName, removed);
            if (kept == null) {
                return null;
            }
            return kept == field.getSelectionSet() ? field : field.transform(b -> b.selectionSet(kept));
        } finally {
            path.subList(mark, path.size()).clear();
        }
    }

    private boolean deniesField(TypeDef parent, FieldDef definition, @Nullable TypeDef type, Field field) {
        boolean denial = isDenied(definition.access()) | (type != null && isDenied(type.access()));
        if (parent.kind() == TypeKind.INTERFACE) {
            for (AuthRequirements implementation : model.implementationFields(parent.name(), definition.name())) {
                denial |= isDenied(implementation);
            }
        }
        if (type != null && type.kind() == TypeKind.INTERFACE && selectsFieldsDirectly(field)) {
            for (AuthRequirements implementation : model.implementations(type.name())) {
                denial |= isDenied(implementation);
            }
        }
        return denial;
    }

    /** Whether a selection reads fields of an interface itself (not only {@code __typename} or fragments). */
    private static boolean selectsFieldsDirectly(Field field) {
        return field.getSelectionSet() != null
                && field.getSelectionSet().getSelections().stream()
                        .anyMatch(s -> s instanceof Field f && !f.getName().equals("__typename"));
    }

    private @Nullable InlineFragment inline(InlineFragment inline, String parentType, RemovedPaths removed) {
        String condition = inline.getTypeCondition() == null
                ? parentType
                : inline.getTypeCondition().getName();
        if (inline.getTypeCondition() != null && deniesType(condition, removed)) {
            return null;
        }
        SelectionSet kept = selections(inline.getSelectionSet(), condition, removed);
        if (kept == null) {
            return null;
        }
        return kept == inline.getSelectionSet() ? inline : inline.transform(b -> b.selectionSet(kept));
    }

    private @Nullable FragmentSpread spread(FragmentSpread spread, RemovedPaths removed) {
        FragmentDefinition definition = fragments.get(spread.getName());
        if (definition == null) {
            return spread;
        }
        String condition = definition.getTypeCondition().getName();
        if (deniesType(condition, removed)) {
            return null;
        }
        Walked fragment = walked.get(spread.getName());
        if (fragment == null) {
            fragment = walk(definition, condition);
            walked.put(spread.getName(), fragment);
        }
        removed.addBelow(path, fragment.removed());
        return fragment.kept() == null ? null : spread;
    }

    /** A fragment definition, walked from an empty path so its removals can be joined below every spread. */
    private Walked walk(FragmentDefinition definition, String condition) {
        List<String> outer = List.copyOf(path);
        path.clear();
        try {
            RemovedPaths relative = new RemovedPaths();
            SelectionSet kept = selections(definition.getSelectionSet(), condition, relative);
            FragmentDefinition result = kept == null
                    ? null
                    : kept == definition.getSelectionSet()
                            ? definition
                            : definition.transform(b -> b.selectionSet(kept));
            return new Walked(result, relative);
        } finally {
            path.clear();
            path.addAll(outer);
        }
    }

    /** Whether a fragment on {@code typeName} is removed; names it {@code ... on T} below the current path if so. */
    private boolean deniesType(String typeName, RemovedPaths removed) {
        TypeDef type = model.type(typeName);
        if (type == null || !isDenied(type.access())) {
            return false;
        }
        path.add("... on " + typeName);
        removed.add(path);
        path.remove(path.size() - 1);
        return !dryRun;
    }

    private boolean isDenied(AuthRequirements requirements) {
        return !requirements.isNone() && denied.test(requirements);
    }
}
