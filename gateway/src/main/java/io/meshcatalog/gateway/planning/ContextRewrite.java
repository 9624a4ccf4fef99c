package io.meshcatalog.gateway.planning;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an entity fetch reads the value of a contextual argument ({@code @fromContext}) before it is sent, for
 * each of its entities: {@code levelsUp} fields above the entity, on an object of {@code typeCondition}, at
 * {@code keys} (response keys; a list on the way gives a list). Several rewrites of one variable are tried in
 * order and the first that finds a value wins, as in Apollo's {@code contextRewrites}.
 *
 * @param variable the operation variable the value is sent in
 * @param levelsUp how many fields up the object that sets the context is; reaching the root is allowed
 * @param typeCondition the {@code __typename} that object must have; null at the root, which has no guard
 * @param keys the response keys from that object to the value
 */
public record ContextRewrite(
        String variable, int levelsUp, @Nullable String typeCondition, List<String> keys) {

    public ContextRewrite {
        keys = List.copyOf(keys);
    }

    /** Apollo's notation: {@code contextualArgument_1_0 <- ["..","... on T","prop"]}. */
    public String print() {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < levelsUp; i++) {
            path.add("..");
        }
        if (typeCondition != null) {
            path.add("... on " + typeCondition);
        }
        path.addAll(keys);
        return variable + " <- ["
                + String.join(",", path.stream().map(p -> "\"" + p + "\"").toList()) + "]";
    }
}
