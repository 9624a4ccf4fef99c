package io.meshcatalog.gateway.planning;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The response keys the client's selections use at each place of the response, whatever fetch brings them. Fetches
 * merge into the same objects: a field the planner needs (a {@code @requires}, key or context field) that another
 * fetch brings under its own name would overwrite a client alias of that name ({@code shippingCost: name}), so it
 * goes under an internal alias instead.
 */
final class ClientKeys {

    /** Place (a response path, any type) to response key to the fields (name and arguments) the client put there. */
    private final Map<String, Map<String, Set<String>>> byPlace = new HashMap<>();
    /** Place to the fragments whose keys are recorded there: each is walked once per place, not once per spread. */
    private final Map<String, Set<String>> spreadByPlace = new HashMap<>();

    /** Records the response keys of a client selection set at {@code path}, through its fragments. */
    void add(ResponsePath path, SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        String place = path.anyType().toString();
        add(
                byPlace.computeIfAbsent(place, p -> new HashMap<>()),
                selections,
                fragments,
                spreadByPlace.computeIfAbsent(place, p -> new HashSet<>()));
    }

    private static void add(
            Map<String, Set<String>> keys,
            SelectionSet selections,
            Map<String, FragmentDefinition> fragments,
            Set<String> spread) {
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                keys.computeIfAbsent(field.getResultKey(), k -> new HashSet<>()).add(signature(field));
            } else if (selection instanceof InlineFragment fragment) {
                add(keys, fragment.getSelectionSet(), fragments, spread);
            } else if (selection instanceof FragmentSpread fragmentSpread
                    && spread.add(fragmentSpread.getName())
                    && fragments.get(fragmentSpread.getName()) != null) {
                add(keys, fragments.get(fragmentSpread.getName()).getSelectionSet(), fragments, spread);
            }
        }
    }

    /** Whether the client uses the name of the planner's {@code field} at {@code path} as the key of another field. */
    boolean usesOtherwise(ResponsePath path, Field field) {
        Map<String, Set<String>> keys = byPlace.get(path.anyType().toString());
        Set<String> fields = keys == null ? null : keys.get(field.getName());
        return fields != null && !fields.contains(signature(field));
    }

    /** A field by name and arguments: what its value depends on. */
    static String signature(Field field) {
        return AstPrinter.printAst(
                field.transform(b -> b.alias(null).selectionSet(null).directives(List.of())));
    }
}
