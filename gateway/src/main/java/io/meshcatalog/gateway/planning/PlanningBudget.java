package io.meshcatalog.gateway.planning;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Cooperative cancellation of one plan: the planner asks at every step whether it may go on, and stops with
 * {@link PlanningAbandoned} when not. A document within the operation limits plans in well under a millisecond; the
 * budget is what bounds a plan nothing else foresaw, and frees the planner thread of a client that has gone.
 */
@FunctionalInterface
public interface PlanningBudget {

    /** Never stops a plan: for tests and for plans made where no client waits. */
    PlanningBudget UNLIMITED = () -> null;

    /** Why planning must stop now; null to go on. Called at every step, so it must be cheap. */
    @Nullable
    PlanningAbandoned exhausted();

    /**
     * Stops a plan that runs past {@code timeout} from now (never when it is zero), or whose client has gone.
     *
     * @param setting how the timeout is named in configuration, for the message
     * @param clientGone whether the client that waits for the plan has closed its connection
     * @param nanoTime the clock ({@code System::nanoTime})
     */
    static PlanningBudget until(Duration timeout, String setting, BooleanSupplier clientGone, LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        long limit = timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos();
        return new PlanningBudget() {
            /** The clock and the connection are read every 64 steps: a step is well under a microsecond. */
            private int steps;

            @Override
            public @Nullable PlanningAbandoned exhausted() {
                if ((steps++ & 63) != 0) {
                    return null;
                }
                if (clientGone.getAsBoolean()) {
                    return new PlanningAbandoned(
                            PlanningAbandoned.CLIENT_CLOSED,
                            "the client closed its connection: planning was abandoned");
                }
                long spent = nanoTime.getAsLong() - start;
                return spent > limit
                        ? new PlanningAbandoned(
                                PlanningAbandoned.TIMEOUT,
                                "planning the operation took "
                                        + Duration.ofNanos(spent).toMillis() + " ms, above " + setting + " "
                                        + timeout.toMillis()
                                        + " ms: it was abandoned; send a smaller operation")
                        : null;
            }
        };
    }
}
