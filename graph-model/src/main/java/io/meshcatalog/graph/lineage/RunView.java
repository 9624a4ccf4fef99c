package io.meshcatalog.graph.lineage;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One run of an OpenLineage job, as its events left it.
 *
 * @param id the run id (a UUID)
 * @param job the job's id, {@code namespace/name}
 * @param namespace the job's namespace
 * @param state the latest event's type: START, RUNNING, COMPLETE, ABORT, FAIL or OTHER
 * @param startedAt its START event's time; null when none came
 * @param updatedAt its latest event's time
 * @param endedAt its COMPLETE, FAIL or ABORT event's time; null while it runs
 * @param error the {@code errorMessage} facet's message of a failed run; null without one
 */
public record RunView(
        String id,
        String job,
        String namespace,
        String state,
        @Nullable String startedAt,
        String updatedAt,
        @Nullable String endedAt,
        @Nullable String error) {

    /** From its start to its end, in milliseconds; null until both are known. */
    public @Nullable Long durationMs() {
        return startedAt == null || endedAt == null
                ? null
                : Duration.between(OffsetDateTime.parse(startedAt), OffsetDateTime.parse(endedAt))
                        .toMillis();
    }
}
