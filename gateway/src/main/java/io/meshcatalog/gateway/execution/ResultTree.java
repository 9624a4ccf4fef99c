package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.planning.ResponsePath;
import io.meshcatalog.gateway.planning.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The response being assembled: JSON objects and lists merged from every fetch. Not thread-safe;
 * the executor serialises access.
 */
final class ResultTree {

    private final Map<String, @Nullable Object> data = new LinkedHashMap<>();

    Map<String, @Nullable Object> data() {
        return data;
    }

    /** An object found at a flatten path, with its concrete client path ({@code ["items", 0]}). */
    record Located(Map<String, @Nullable Object> object, List<Object> path) {}

    /**
     * Every non-null object at {@code path}, lists flattened at {@code @}, and where a segment admits
     * some types only, only objects of those types.
     */
    List<Located> objectsAt(ResponsePath path) {
        List<Located> out = new ArrayList<>();
        walk(data, path, 0, new ArrayList<>(), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(@Nullable Object value, ResponsePath path, int index, List<Object> at, List<Located> out) {
        if (value == null) {
            return;
        }
        List<String> segments = path.segments();
        if (index == segments.size()) {
            if (value instanceof Map<?, ?> map) {
                out.add(new Located((Map<String, @Nullable Object>) map, List.copyOf(at)));
            } else if (value instanceof List<?> list) {
                // Nested lists below the last segment: every element.
                for (int i = 0; i < list.size(); i++) {
                    at.add(i);
                    walk(list.get(i), path, index, at, out);
                    at.remove(at.size() - 1);
                }
            }
            return;
        }
        String segment = segments.get(index);
        if (segment.equals(ResponsePath.EVERY)) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    at.add(i);
                    follow(list.get(i), path, index, at, out);
                    at.remove(at.size() - 1);
                }
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            at.add(segment);
            follow(map.get(segment), path, index, at, out);
            at.remove(at.size() - 1);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                at.add(i);
                walk(list.get(i), path, index, at, out);
                at.remove(at.size() - 1);
            }
        }
    }

    /** The value at a client path ({@code ["items", 0, "owner"]}), or null when nothing is there. */
    @Nullable
    Object valueAt(List<Object> path) {
        Object value = data;
        for (Object segment : path) {
            if (segment instanceof String key && value instanceof Map<?, ?> map) {
                value = map.get(key);
            } else if (segment instanceof Integer index && value instanceof List<?> list && index < list.size()) {
                value = list.get(index);
            } else {
                return null;
            }
        }
        return value;
    }

    /** Goes on below a value reached at segment {@code index} when the path admits its type. */
    private static void follow(
            @Nullable Object value, ResponsePath path, int index, List<Object> at, List<Located> out) {
        if (value != null && path.admits(index, value)) {
            walk(value, path, index + 1, at, out);
        }
    }

    /**
     * The representation of an object: its values projected through the selections, or null when a
     * selected field is missing (the object cannot be sent as this entity).
     */
    static @Nullable Map<String, @Nullable Object> project(
            Map<String, @Nullable Object> object, List<Selection> selections) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (Selection selection : selections) {
            if (selection instanceof Selection.Field field) {
                if (!object.containsKey(field.responseKey())) {
                    return null;
                }
                Object value = object.get(field.responseKey());
                if (field.selections().isEmpty() || value == null) {
                    out.put(field.name(), value);
                } else {
                    Object projected = projectValue(value, field.selections());
                    if (projected == null) {
                        return null;
                    }
                    out.put(field.name(), projected);
                }
            } else if (selection instanceof Selection.InlineFragment fragment
                    && fragment.appliesTo(object.get("__typename"))) {
                Map<String, @Nullable Object> nested = project(object, fragment.selections());
                if (nested == null) {
                    return null;
                }
                out.putAll(nested);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object projectValue(Object value, List<Selection> selections) {
        if (value instanceof Map<?, ?> map) {
            return project((Map<String, @Nullable Object>) map, selections);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(item == null ? null : projectValue(item, selections));
            }
            return out;
        }
        return value;
    }

    /** Deep-merges {@code source} into {@code target}: objects field by field, lists element-wise. */
    static void merge(Map<String, @Nullable Object> target, Map<String, @Nullable Object> source) {
        merge(target, source, ResultTree::copy);
    }

    /**
     * Like {@link #merge}, for a source that nothing else holds, such as a root fetch's own answer:
     * its mutable containers are taken over as they are instead of copied (a hub's impact is some
     * 100,000 values), and only immutable ones are copied.
     */
    static void mergeOwned(Map<String, @Nullable Object> target, Map<String, @Nullable Object> source) {
        merge(target, source, ResultTree::adopt);
    }

    @SuppressWarnings("unchecked")
    private static void merge(
            Map<String, @Nullable Object> target,
            Map<String, @Nullable Object> source,
            UnaryOperator<@Nullable Object> take) {
        for (Map.Entry<String, @Nullable Object> entry : source.entrySet()) {
            Object existing = target.get(entry.getKey());
            Object incoming = entry.getValue();
            if (existing instanceof Map<?, ?> targetMap && incoming instanceof Map<?, ?> sourceMap) {
                merge((Map<String, @Nullable Object>) targetMap, (Map<String, @Nullable Object>) sourceMap, take);
            } else if (existing instanceof List<?> targetList
                    && incoming instanceof List<?> sourceList
                    && targetList.size() == sourceList.size()) {
                mergeLists((List<@Nullable Object>) targetList, (List<@Nullable Object>) sourceList, take);
            } else if (incoming != null || !target.containsKey(entry.getKey())) {
                target.put(entry.getKey(), take.apply(incoming));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeLists(
            List<@Nullable Object> target, List<@Nullable Object> source, UnaryOperator<@Nullable Object> take) {
        for (int i = 0; i < target.size(); i++) {
            Object existing = target.get(i);
            Object incoming = source.get(i);
            if (existing instanceof Map<?, ?> t && incoming instanceof Map<?, ?> s) {
                merge((Map<String, @Nullable Object>) t, (Map<String, @Nullable Object>) s, take);
            } else if (existing instanceof List<?> t && incoming instanceof List<?> s && t.size() == s.size()) {
                mergeLists((List<@Nullable Object>) t, (List<@Nullable Object>) s, take);
            } else if (incoming != null) {
                target.set(i, take.apply(incoming));
            }
        }
    }

    /** The value with internal aliases renamed back to client response keys, at any depth. */
    @SuppressWarnings("unchecked")
    static @Nullable Object rename(@Nullable Object value, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            ((Map<String, @Nullable Object>) map).forEach((k, v) -> {
                Object renamed = rename(v, renames);
                String key = renames.getOrDefault(k, k);
                Object existing = out.get(key);
                if (existing instanceof Map<?, ?> a && renamed instanceof Map<?, ?> b) {
                    merge((Map<String, @Nullable Object>) a, (Map<String, @Nullable Object>) b);
                } else if (renamed != null || !out.containsKey(key)) {
                    out.put(key, renamed);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>();
            list.forEach(v -> out.add(rename(v, renames)));
            return out;
        }
        return value;
    }

    /** Takes over mutable containers in place (their mutable children too); copies the others. */
    @SuppressWarnings("unchecked")
    private static @Nullable Object adopt(@Nullable Object value) {
        if (value instanceof HashMap<?, ?> map) {
            for (Map.Entry<String, @Nullable Object> entry : ((HashMap<String, @Nullable Object>) map).entrySet()) {
                entry.setValue(adopt(entry.getValue()));
            }
            return map;
        }
        if (value instanceof ArrayList<?> list) {
            List<@Nullable Object> items = (List<@Nullable Object>) list;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, adopt(items.get(i)));
            }
            return list;
        }
        return copy(value);
    }

    /** Copies containers so one subgraph object merged into several places stays independent. */
    @SuppressWarnings("unchecked")
    static @Nullable Object copy(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            ((Map<String, @Nullable Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }
}
