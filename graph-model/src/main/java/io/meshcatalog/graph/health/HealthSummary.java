package io.meshcatalog.graph.health;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search index keeps of a node's write facts so that it can tell the node's health at any instant without them:
 * whether one of its datasets' latest run failed, and the earliest instant one of them is due a new write. Its status
 * at {@code now} is always {@link Health#ofProduct}'s (a product's datasets) or {@link Health#of}'s (one dataset)
 * status at {@code now}.
 *
 * @param failing whether the latest run writing one of the datasets failed or was aborted
 * @param earliestDue the earliest instant one of them turns (or turned) LATE; null when none has an SLA and a write
 */
public record HealthSummary(boolean failing, @Nullable Instant earliestDue) {

    /** The summary of the datasets' facts (none: UNKNOWN at any instant). */
    public static HealthSummary of(List<WriteFacts> datasets) {
        boolean failing = false;
        Instant earliestDue = null;
        for (WriteFacts facts : datasets) {
            failing |= Health.failed(facts);
            Instant due = Health.dueBy(facts);
            if (due != null && (earliestDue == null || due.isBefore(earliestDue))) {
                earliestDue = due;
            }
        }
        return new HealthSummary(failing, earliestDue);
    }

    /** The status at {@code now}. */
    public HealthStatus statusAt(Instant now) {
        if (failing) {
            return HealthStatus.FAILING;
        }
        if (earliestDue == null) {
            return HealthStatus.UNKNOWN;
        }
        return now.isAfter(earliestDue) ? HealthStatus.LATE : HealthStatus.FRESH;
    }
}
