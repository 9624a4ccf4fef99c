package io.meshcatalog.graph.bench;

import java.util.Arrays;

/** A growable list of directed edges between int node numbers, two parallel arrays underneath. */
final class IntEdges {

    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private int size;

    void add(int source, int target) {
        if (size == from.length) {
            from = Arrays.copyOf(from, size * 2);
            to = Arrays.copyOf(to, size * 2);
        }
        from[size] = source;
        to[size] = target;
        size++;
    }

    int size() {
        return size;
    }

    int from(int edge) {
        return from[edge];
    }

    int to(int edge) {
        return to[edge];
    }

    /** A content hash, for determinism checks. */
    int fingerprint() {
        return 31 * Arrays.hashCode(Arrays.copyOf(from, size)) + Arrays.hashCode(Arrays.copyOf(to, size));
    }
}
