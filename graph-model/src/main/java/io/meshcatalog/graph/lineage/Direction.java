package io.meshcatalog.graph.lineage;

/** Upstream: what a node is derived from. Downstream: what is derived from it. */
public enum Direction {
    UPSTREAM,
    DOWNSTREAM
}
