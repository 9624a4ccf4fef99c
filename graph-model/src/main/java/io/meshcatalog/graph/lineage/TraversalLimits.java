package io.meshcatalog.graph.lineage;

import org.jspecify.annotations.Nullable;

/**
 * The bounds every traversal runs within. A requested depth is clamped into {@code [1, maxDepth]};
 * a traversal that reaches {@code maxNodes} stops and says it was truncated.
 */
public record TraversalLimits(int defaultDepth, int maxDepth, int maxNodes) {

    public static final TraversalLimits DEFAULT = new TraversalLimits(10, 20, 25_000);

    public TraversalLimits {
        if (defaultDepth < 1 || maxDepth < defaultDepth || maxNodes < 1) {
            throw new IllegalArgumentException("need 1 <= defaultDepth <= maxDepth and maxNodes >= 1");
        }
    }

    /** How many relationships an answer's edges are read from: ten per node it may hold. */
    public int maxEdges() {
        return maxNodes * 10;
    }

    /** The depth actually used for a requested depth; {@code null} means the default. */
    public int clampDepth(@Nullable Integer requested) {
        if (requested == null) {
            return defaultDepth;
        }
        return Math.max(1, Math.min(maxDepth, requested));
    }
}
