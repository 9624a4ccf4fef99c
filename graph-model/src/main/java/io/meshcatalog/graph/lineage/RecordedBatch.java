package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of several OpenLineage events, in the order they were given: each one stored (or found stored before)
 * or refused. When the store failed, {@code outcomes} ends before the event it failed on, {@code failure} says why,
 * and that event and the ones after it were not stored.
 */
public record RecordedBatch(
        List<Outcome> outcomes, @Nullable RuntimeException failure) {

    public RecordedBatch {
        outcomes = List.copyOf(outcomes);
    }

    /** One event: what was stored for it, or why it was refused (nothing of it stored). */
    public record Outcome(
            @Nullable RecordedEvent recorded, @Nullable String refusal) {

        static Outcome stored(RecordedEvent recorded) {
            return new Outcome(recorded, null);
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }
}
