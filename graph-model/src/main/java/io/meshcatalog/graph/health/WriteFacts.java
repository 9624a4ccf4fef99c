package io.meshcatalog.graph.health;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the graph knows of how a dataset is written: its SLA's freshness and the runs that wrote it.
 *
 * @param dataset the dataset's id
 * @param freshness how old its last complete write may be; null when its SLA promises nothing
 * @param sla what its SLA says ({@code "latency 30 min"}), or why it cannot be checked; empty without one
 * @param lastCompleteAt when the last COMPLETE run that wrote it ended; null when none did
 * @param latestRun the run whose event about it is the newest; null when no run wrote it
 * @param latestState that run's state at that event (START, RUNNING, COMPLETE, FAIL, ABORT or OTHER)
 * @param latestAt that event's time
 */
public record WriteFacts(
        String dataset,
        @Nullable Duration freshness,
        String sla,
        @Nullable Instant lastCompleteAt,
        @Nullable String latestRun,
        @Nullable String latestState,
        @Nullable Instant latestAt) {}
