package io.meshcatalog.gateway.planning;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the representation selections of entity fetches once every alias is final. */
final class Representations {

    private Representations() {}

    /**
     * What an entity sends: {@code __typename} and the key and required fields, read from the data
     * where the parent fetch put them (under an internal alias if the client used the name). A type
     * condition applies to the objects of every possible type of its (abstract) type.
     */
    static List<Selection> representation(List<FetchGroup.Source> sources, Supergraph supergraph) {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("__typename", new Selection.Field("__typename", List.of()));
        for (FetchGroup.Source source : sources) {
            collect(source.selection(), source.fieldSet(), merged);
        }
        return toSelections(merged, supergraph);
    }

    private static void collect(@Nullable SelectionBuilder data, SelectionSet set, Map<String, Object> into) {
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                SelectionBuilder.FieldEntry entry = data == null ? null : data.find(f);
                String responseKey = entry == null ? f.getName() : entry.responseKey();
                if (f.getSelectionSet() == null) {
                    into.putIfAbsent(f.getName(), new Selection.Field(f.getName(), responseKey, List.of()));
                } else {
                    Object existing = into.get(f.getName());
                    Map<String, Object> children =
                            existing instanceof Nested nested ? nested.children() : new LinkedHashMap<>();
                    into.put(f.getName(), new Nested(f.getName(), responseKey, children));
                    collect(entry == null ? null : entry.children(), f.getSelectionSet(), children);
                }
            } else if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null) {
                String key = "... on " + fragment.getTypeCondition().getName();
                Map<String, Object> children =
                        into.get(key) instanceof Nested nested ? nested.children() : new LinkedHashMap<>();
                into.put(key, new Nested(fragment.getTypeCondition().getName(), null, children));
                collect(
                        data == null
                                ? null
                                : data.existingFragment(
                                        fragment.getTypeCondition().getName()),
                        fragment.getSelectionSet(),
                        children);
            }
        }
    }

    private static List<Selection> toSelections(Map<String, Object> map, Supergraph supergraph) {
        List<Selection> out = new ArrayList<>();
        for (Object value : map.values()) {
            if (value instanceof Selection selection) {
                out.add(selection);
            } else {
                Nested nested = (Nested) value;
                List<Selection> children = toSelections(nested.children(), supergraph);
                out.add(
                        nested.responseKey() == null
                                ? fragment(nested.name(), children, supergraph)
                                : new Selection.Field(nested.name(), nested.responseKey(), children));
            }
        }
        return out;
    }

    /** A type condition with the object types it matches in the data. */
    static Selection.InlineFragment fragment(String typeCondition, List<Selection> selections, Supergraph supergraph) {
        return new Selection.InlineFragment(typeCondition, supergraph.possibleTypes(typeCondition), selections);
    }

    /** A field or type condition of a representation being assembled; {@code responseKey} null for fragments. */
    private record Nested(String name, @Nullable String responseKey, Map<String, Object> children) {}
}
