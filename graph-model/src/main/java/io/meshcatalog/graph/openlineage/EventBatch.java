package io.meshcatalog.graph.openlineage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request of several OpenLineage events: a JSON array of events, or NDJSON (one event per line; blank lines are
 * skipped). Each event is read on its own, so an invalid one is refused with its own problems while the others go
 * on; the request as a whole is refused only when it is neither, or carries more than {@link IntakeLimits#events}.
 */
public final class EventBatch {

    /** One event of the request: read, or refused with its problems (JSON pointers within the event). */
    public record Entry(int index, @Nullable LineageEvent event, List<String> problems) {
    }

    private EventBatch() {
    }

    /** The events of a JSON array. */
    public static List<Entry> ofArray(OpenLineageReader reader, String json) {
        JsonNode root = reader.parse(json);
        if (root == null || !root.isArray()) {
            throw new InvalidEventException(List.of("/: expected a JSON array of OpenLineage events"));
        }
        bounded(reader, root.size());
        if (root.isEmpty()) {
            throw new InvalidEventException(List.of("/: no events: expected a JSON array of OpenLineage events"));
        }
        List<Entry> entries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode event = root.get(i);
            entries.add(entry(i, () -> reader.read(event)));
        }
        return entries;
    }

    /** The events of an NDJSON body: one JSON object per line. */
    public static List<Entry> ofLines(OpenLineageReader reader, String ndjson) {
        List<String> lines = ndjson.lines().filter(line -> !line.isBlank()).toList();
        bounded(reader, lines.size());
        if (lines.isEmpty()) {
            throw new InvalidEventException(List.of("/: no events: expected one OpenLineage event per line"));
        }
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            entries.add(entry(i, () -> reader.read(line)));
        }
        return entries;
    }

    private static void bounded(OpenLineageReader reader, int events) {
        int limit = reader.limits().events();
        if (events > limit) {
            throw new InvalidEventException(List.of("/: " + events + " events; "
                    + reader.limits().atMost(limit, "batch-events") + " per request"));
        }
    }

    private static Entry entry(int index, Supplier<LineageEvent> read) {
        try {
            return new Entry(index, read.get(), List.of());
        } catch (InvalidEventException e) {
            return new Entry(index, null, e.problems());
        }
    }
}
