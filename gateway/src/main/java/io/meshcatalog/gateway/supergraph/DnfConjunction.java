package io.meshcatalog.gateway.supergraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Requirements in disjunctive normal form ({@code [["a", "b"], ["c"]]}: a and b, or c), combined with AND as
 * Apollo's composition combines the scopes and policies several sources state on one element: identical ones stay
 * as written; different ones become every union of one group of each, sorted, each once, without the groups another
 * group already implies ({@code [["a", "b"]]} and {@code [["a"]]} give {@code [["a", "b"]]}).
 */
final class DnfConjunction {

    private DnfConjunction() {}

    /** The conjunction of these requirements; empty when there are none. */
    static List<List<String>> of(List<List<List<String>>> values) {
        List<List<List<String>>> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        if (distinct.size() <= 1) {
            return distinct.isEmpty() ? List.of() : distinct.get(0);
        }
        List<List<List<String>>> normalized = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (List<List<String>> value : distinct) {
            List<List<String>> sorted = value.isEmpty()
                    ? List.of(List.of())
                    : value.stream()
                            .map(group -> group.stream().sorted().toList())
                            .sorted(Comparator.comparing(DnfConjunction::print))
                            .toList();
            if (seen.add(print(sorted))) {
                normalized.add(sorted);
            }
        }
        List<List<String>> result = normalized.get(0);
        for (List<List<String>> current : normalized.subList(1, normalized.size())) {
            List<List<String>> combined = new ArrayList<>();
            Set<List<String>> added = new LinkedHashSet<>();
            for (List<String> left : result) {
                for (List<String> right : current) {
                    Set<String> union = new LinkedHashSet<>(left);
                    union.addAll(right);
                    List<String> candidate = union.stream().sorted().toList();
                    if (added.add(candidate)) {
                        combined.add(candidate);
                    }
                }
            }
            result = withoutSubsumed(combined);
        }
        return result;
    }

    /** Shortest groups first; a group that contains all of a group kept before it adds nothing. */
    private static List<List<String>> withoutSubsumed(List<List<String>> groups) {
        List<List<String>> bySize =
                groups.stream().sorted(Comparator.comparingInt(List::size)).toList();
        List<List<String>> kept = new ArrayList<>();
        for (List<String> candidate : bySize) {
            if (kept.stream().noneMatch(candidate::containsAll)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** As GraphQL writes the list: {@code [["a", "b"], ["c"]]}. */
    static String print(List<?> value) {
        return value.stream()
                .map(item -> item instanceof List<?> list ? print(list) : "\"" + item + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
