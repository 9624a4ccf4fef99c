package io.meshcatalog.gateway.limits;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How deep a document's fragments spread one another: the most fragments entered along one path, from an operation
 * or from any fragment (unused ones included). graphql-java's validation walks each spread into its fragment again,
 * at a cost that grows with the cube of such a chain (500 single spreads, 15 KB, take it 17 s), so the chain is
 * bounded before a document is validated. Computed without recursion, each fragment once; a spread that closes a
 * cycle adds nothing (validation names the cycle).
 */
public final class FragmentDepth {

    private FragmentDepth() {}

    /** The longest chain of fragment spreads in the document; 0 when it spreads none. */
    public static int of(Document document) {
        Map<String, Set<String>> spreads = new HashMap<>();
        List<Set<String>> roots = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                spreads.putIfAbsent(fragment.getName(), spreadsIn(fragment.getSelectionSet()));
            } else if (definition instanceof OperationDefinition operation) {
                roots.add(spreadsIn(operation.getSelectionSet()));
            }
        }
        Map<String, Integer> depths = new HashMap<>();
        int deepest = 0;
        for (String fragment : spreads.keySet()) {
            deepest = Math.max(deepest, depth(fragment, spreads, depths));
        }
        // an operation's own spreads enter the fragments measured above
        for (Set<String> root : roots) {
            for (String name : root) {
                deepest = Math.max(deepest, depths.getOrDefault(name, 0));
            }
        }
        return deepest;
    }

    /** Longest path from {@code start}, by an explicit stack: a chain of thousands must not overflow the thread's. */
    private static int depth(String start, Map<String, Set<String>> spreads, Map<String, Integer> depths) {
        Set<String> onPath = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            String name = stack.peek();
            if (depths.containsKey(name)) {
                stack.pop();
                continue;
            }
            Set<String> children = spreads.getOrDefault(name, Set.of());
            if (onPath.add(name)) {
                for (String child : children) {
                    if (!depths.containsKey(child) && !onPath.contains(child) && spreads.containsKey(child)) {
                        stack.push(child);
                    }
                }
                continue;
            }
            int below = 0;
            for (String child : children) {
                below = Math.max(below, depths.getOrDefault(child, 0));
            }
            depths.put(name, below + 1);
            onPath.remove(name);
            stack.pop();
        }
        return depths.getOrDefault(start, 0);
    }

    /** The fragments a selection set spreads, at any nesting. */
    private static Set<String> spreadsIn(@Nullable SelectionSet root) {
        Set<String> names = new LinkedHashSet<>();
        Deque<SelectionSet> sets = new ArrayDeque<>();
        if (root != null) {
            sets.push(root);
        }
        while (!sets.isEmpty()) {
            for (Selection<?> selection : sets.pop().getSelections()) {
                if (selection instanceof FragmentSpread spread) {
                    names.add(spread.getName());
                } else if (selection instanceof Field field && field.getSelectionSet() != null) {
                    sets.push(field.getSelectionSet());
                } else if (selection instanceof InlineFragment inline && inline.getSelectionSet() != null) {
                    sets.push(inline.getSelectionSet());
                }
            }
        }
        return names;
    }
}
