package io.meshcatalog.gateway.planning;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the {@link ContextRewrite}s of an entity fetch once every alias is final. */
final class ContextRewrites {

    private ContextRewrites() {}

    /**
     * Where one contextual argument is read: one rewrite per object type that sets its context at the ancestor
     * (the selection may choose the field per type), or one without a type guard at the root.
     */
    static List<ContextRewrite> of(FetchGroup.ContextSource source, Supergraph supergraph) {
        SelectionSet selection = source.argument().selection().selectionSet();
        List<@Nullable String> guards = source.objectTypes().isEmpty()
                ? java.util.Collections.singletonList(null)
                : List.copyOf(source.objectTypes());
        List<ContextRewrite> rewrites = new ArrayList<>();
        for (String objectType : guards) {
            List<String> keys = keys(source.selection(), selection, objectType, supergraph);
            if (keys != null) {
                rewrites.add(new ContextRewrite(source.argument().variable(), source.levelsUp(), objectType, keys));
            }
        }
        return rewrites;
    }

    /**
     * The response keys from the object to the one value a context selection reads (one field per level, type
     * conditions choosing it per type), where the planned fetch put them; null when nothing applies to
     * {@code objectType} (unknown below the top level, where any type condition applies).
     */
    private static @Nullable List<String> keys(
            @Nullable SelectionBuilder data, SelectionSet set, @Nullable String objectType, Supergraph supergraph) {
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && !field.getName().equals("__typename")) {
                SelectionBuilder.FieldEntry entry = find(data, field, objectType);
                List<String> keys = new ArrayList<>(List.of(entry == null ? field.getName() : entry.responseKey()));
                if (field.getSelectionSet() == null) {
                    return keys;
                }
                List<String> below =
                        keys(entry == null ? null : entry.children(), field.getSelectionSet(), null, supergraph);
                if (below == null) {
                    return null;
                }
                keys.addAll(below);
                return keys;
            }
            if (selection instanceof InlineFragment fragment && applies(fragment, objectType, supergraph)) {
                String condition = fragment.getTypeCondition() == null
                        ? null
                        : fragment.getTypeCondition().getName();
                SelectionBuilder scope = data == null || condition == null ? null : data.existingFragment(condition);
                List<String> keys =
                        keys(scope == null ? data : scope, fragment.getSelectionSet(), objectType, supergraph);
                if (keys != null) {
                    return keys;
                }
            }
        }
        return null;
    }

    private static boolean applies(InlineFragment fragment, @Nullable String objectType, Supergraph supergraph) {
        return objectType == null
                || fragment.getTypeCondition() == null
                || supergraph
                        .possibleTypes(fragment.getTypeCondition().getName())
                        .contains(objectType);
    }

    /** A field of the selection in the planned data: at its place, or in the fragment the planner made per type. */
    private static SelectionBuilder.@Nullable FieldEntry find(
            @Nullable SelectionBuilder data, Field field, @Nullable String objectType) {
        if (data == null) {
            return null;
        }
        SelectionBuilder.FieldEntry entry = data.find(field);
        SelectionBuilder perType = objectType == null ? null : data.existingFragment(objectType);
        return entry != null || perType == null ? entry : perType.find(field);
    }
}
