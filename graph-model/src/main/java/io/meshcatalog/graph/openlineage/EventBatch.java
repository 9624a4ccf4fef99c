package io.meshcatalog.graph.openlineage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request of several OpenLineage events: a JSON array of events, or NDJSON (one event per line; blank lines are
 * skipped). Each event is read on its own, so an invalid one is refused with its own problems while the others go
 * on; the request as a whole is refused only when it is neither, or carries more than {@link IntakeLimits#events}.
 */
public final class EventBatch {

    /** One event of the request: read, or refused with its problems (JSON pointers within the event). */
    public record Entry(int index, @Nullable LineageEvent event, List<String> problems) {}

    private EventBatch() {}

    /** The events of a JSON array. */
    public static List<Entry> ofArray(OpenLineageReader reader, String json) {
        JsonNode root = reader.parse(json);
        if (root == null || !root.isArray()) {
            throw new InvalidEventException(List.of("/: expected a JSON array of OpenLineage events"));
        }
        return entries(
                reader, root.size(), "expected a JSON array of OpenLineage events", i -> reader.read(root.get(i)));
    }

    /** The events of an NDJSON body: one JSON object per line. */
    public static List<Entry> ofLines(OpenLineageReader reader, String ndjson) {
        List<String> lines = ndjson.lines().filter(line -> !line.isBlank()).toList();
        return entries(reader, lines.size(), "expected one OpenLineage event per line", i -> reader.read(lines.get(i)));
    }

    /** Each of {@code count} events read on its own, once their number is within the bound and not zero. */
    private static List<Entry> entries(
            OpenLineageReader reader, int count, String expected, IntFunction<LineageEvent> read) {
        int limit = reader.limits().events();
        if (count > limit) {
            throw new InvalidEventException(List.of(
                    "/: " + count + " events; " + reader.limits().atMost(limit, "batch-events") + " per request"));
        }
        if (count == 0) {
            throw new InvalidEventException(List.of("/: no events: " + expected));
        }
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(i, read));
        }
        return entries;
    }

    private static Entry entry(int index, IntFunction<LineageEvent> read) {
        try {
            return new Entry(index, read.apply(index), List.of());
        } catch (InvalidEventException e) {
            return new Entry(index, null, e.problems());
        }
    }
}
