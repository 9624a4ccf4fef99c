package io.meshcatalog.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The places the authorization filter removed something, each once, at most {@link #MAX} of them: a document
 * whose fragments spread one another at many places could otherwise name more places than it has characters.
 * Beyond the bound only the count grows. A path is the response keys from the root, {@code @} for each list level
 * below a list and {@code ... on T} for a fragment removed for its type condition.
 */
final class RemovedPaths {

    /** The most paths kept; the rest are counted. */
    static final int MAX = 100;

    private final Set<List<String>> paths = new LinkedHashSet<>();
    private long omitted;

    void add(List<String> path) {
        if (paths.contains(path)) {
            return;
        }
        if (paths.size() < MAX) {
            paths.add(List.copyOf(path));
        } else {
            omitted = saturatedSum(omitted, 1);
        }
    }

    /** Every path of {@code relative}, each below {@code prefix}. */
    void addBelow(List<String> prefix, RemovedPaths relative) {
        for (List<String> path : relative.paths) {
            List<String> joined = new ArrayList<>(prefix.size() + path.size());
            joined.addAll(prefix);
            joined.addAll(path);
            add(joined);
        }
        omitted = saturatedSum(omitted, relative.omitted);
    }

    boolean isEmpty() {
        return paths.isEmpty() && omitted == 0;
    }

    List<List<String>> paths() {
        return List.copyOf(paths);
    }

    long omitted() {
        return omitted;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
