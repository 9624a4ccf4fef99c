package io.meshcatalog.graph.bench;

import java.util.Arrays;

/**
 * The floor: the same {@code FEEDS} edges as the store, in compressed adjacency arrays, walked
 * breadth-first with the same depth bound. Node numbers: datasets first, then consumers, then fields.
 */
final class InMemoryLineage {

    private final SyntheticMesh mesh;
    private final int consumerBase;
    private final int fieldBase;
    private final int[] offsets;
    private final int[] targets;
    private final int[] seen;
    private final int[] queue;
    private int epoch;

    InMemoryLineage(SyntheticMesh mesh) {
        this.mesh = mesh;
        this.consumerBase = mesh.datasets();
        this.fieldBase = consumerBase + mesh.consumers();
        int nodes = fieldBase + mesh.fields();
        IntEdges datasets = mesh.datasetFeeds();
        IntEdges consumers = mesh.consumerFeeds();
        IntEdges fields = mesh.fieldFeeds();
        int edges = datasets.size() + consumers.size() + fields.size();
        int[] from = new int[edges];
        int[] to = new int[edges];
        int e = 0;
        for (int i = 0; i < datasets.size(); i++, e++) {
            from[e] = datasets.from(i);
            to[e] = datasets.to(i);
        }
        for (int i = 0; i < consumers.size(); i++, e++) {
            from[e] = consumers.from(i);
            to[e] = consumerBase + consumers.to(i);
        }
        for (int i = 0; i < fields.size(); i++, e++) {
            from[e] = fieldBase + fields.from(i);
            to[e] = fieldBase + fields.to(i);
        }
        offsets = new int[nodes + 1];
        for (int source : from) {
            offsets[source + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        targets = new int[edges];
        int[] fill = Arrays.copyOf(offsets, nodes);
        for (int i = 0; i < edges; i++) {
            targets[fill[from[i]]++] = to[i];
        }
        seen = new int[nodes];
        queue = new int[nodes];
    }

    /**
     * How many nodes (datasets, consumers, fields) are downstream of a dataset and its fields within
     * {@code maxDepth} hops, the starts excluded. Not thread-safe: it reuses its buffers.
     */
    int impact(int dataset, int maxDepth) {
        epoch++;
        int head = 0;
        int tail = 0;
        queue[tail++] = dataset;
        seen[dataset] = epoch;
        int f = mesh.spec().fieldsPerDataset();
        for (int k = 0; k < f; k++) {
            int field = fieldBase + dataset * f + k;
            queue[tail++] = field;
            seen[field] = epoch;
        }
        int starts = tail;
        for (int depth = 0; depth < maxDepth && head < tail; depth++) {
            int levelEnd = tail;
            while (head < levelEnd) {
                int node = queue[head++];
                for (int i = offsets[node]; i < offsets[node + 1]; i++) {
                    int next = targets[i];
                    if (seen[next] != epoch) {
                        seen[next] = epoch;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return tail - starts;
    }
}
