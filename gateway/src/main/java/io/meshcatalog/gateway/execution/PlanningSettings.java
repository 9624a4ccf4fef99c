package io.meshcatalog.gateway.execution;

import java.time.Duration;

/**
 * How new documents are planned ({@code gateway.limits.planning-timeout}, {@code gateway.limits.max-plans-per-caller}):
 * a time budget per plan, and how many of one caller's new documents the planner threads work on at once (the rest
 * of that caller's wait their turn, up to {@link #MAX_WAITING_PER_CALLER}), so no caller can hold every planner thread.
 *
 * @param timeout how long one document may be planned before it is abandoned
 * @param perCaller how many new documents of one caller are planned at once
 */
public record PlanningSettings(Duration timeout, int perCaller) {

    /** A caller's new documents beyond this many waiting are refused. */
    public static final int MAX_WAITING_PER_CALLER = 32;

    /** A document within the default limits plans in well under a millisecond; issue 12's took 19.6 s before. */
    public static final PlanningSettings DEFAULTS = new PlanningSettings(Duration.ofSeconds(3), 1);

    /** No time budget and no per-caller share: for tests and tools. */
    public static final PlanningSettings UNBOUNDED = new PlanningSettings(Duration.ZERO, 0);

    public PlanningSettings {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "gateway.limits.planning-timeout must be 0 (off) or more, not " + timeout);
        }
        if (perCaller < 0) {
            throw new IllegalArgumentException(
                    "gateway.limits.max-plans-per-caller must be 0 (off) or more, not " + perCaller);
        }
    }
}
