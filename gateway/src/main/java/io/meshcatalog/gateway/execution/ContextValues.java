package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.planning.ContextRewrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contextual arguments ({@code @fromContext}) of one entity, read in the response as the fetch's
 * {@link ContextRewrite}s say: up from the entity's place, on the ancestor of the right type.
 */
final class ContextValues {

    /** What a read finds when a key on the way is missing: no value, unlike a null one. */
    private static final Object ABSENT = new Object();

    private ContextValues() {}

    /**
     * The value of every variable of {@code rewrites} that the data holds for the entity at {@code path}; the
     * first rewrite of a variable that finds one wins, and a variable none finds is left out.
     */
    static Map<String, @Nullable Object> of(ResultTree tree, List<Object> path, List<ContextRewrite> rewrites) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (ContextRewrite rewrite : rewrites) {
            if (values.containsKey(rewrite.variable())) {
                continue;
            }
            List<Object> at = ancestor(path, rewrite.levelsUp());
            Object ancestor = at == null ? null : tree.valueAt(at);
            if (ancestor instanceof Map<?, ?> object
                    && (rewrite.typeCondition() == null
                            || rewrite.typeCondition().equals(object.get("__typename")))) {
                Object value = read(object, rewrite.keys());
                if (value != ABSENT) {
                    values.put(rewrite.variable(), value);
                }
            }
        }
        return values;
    }

    /**
     * The path {@code levelsUp} fields above {@code path}: each level drops a response key and the list
     * indexes after it, as Apollo's {@code ..} does; null above the root.
     */
    static @Nullable List<Object> ancestor(List<Object> path, int levelsUp) {
        int end = path.size();
        for (int level = 0; level < levelsUp; level++) {
            do {
                end--;
            } while (end >= 0 && !(path.get(end) instanceof String));
            if (end < 0) {
                return null;
            }
        }
        return path.subList(0, end);
    }

    /** Follows the keys; through a list, for each element. */
    private static @Nullable Object read(@Nullable Object value, List<String> keys) {
        if (keys.isEmpty() || value == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>();
            for (Object item : list) {
                Object read = read(item, keys);
                if (read == ABSENT) {
                    return ABSENT;
                }
                out.add(read);
            }
            return out;
        }
        if (value instanceof Map<?, ?> object && object.containsKey(keys.get(0))) {
            return read(object.get(keys.get(0)), keys.subList(1, keys.size()));
        }
        return ABSENT;
    }
}
