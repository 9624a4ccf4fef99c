package io.meshcatalog.graph.lineage;

import java.time.Duration;

/**
 * The bounds of access requests: how far ahead a grant may run ({@code horizon}, a year by default, so that every
 * grant is looked at again), how long a decision's note may be, and how many requests or grants one read lists.
 */
public record GrantLimits(Duration horizon, int maxNoteLength, int maxListed) {

    public static final GrantLimits DEFAULT = new GrantLimits(Duration.ofDays(365), 1_000, 500);

    public GrantLimits {
        if (horizon.isNegative() || horizon.isZero() || maxNoteLength < 0 || maxListed < 1) {
            throw new IllegalArgumentException("need a positive horizon, maxNoteLength >= 0 and maxListed >= 1");
        }
    }
}
