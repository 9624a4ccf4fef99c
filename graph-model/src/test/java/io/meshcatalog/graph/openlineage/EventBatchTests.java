package io.meshcatalog.graph.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchTests {

    private static final String EVENT = """
            {"eventType": "COMPLETE", "eventTime": "2026-12-01T06:00:00Z", "producer": "https://example.com/etl",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run": {"runId": "3f5e1c2a-8b7d-4e1f-9a6b-2c3d4e5f6a7b"}, "job": {"namespace": "etl", "name": "load"},
             "outputs": [{"namespace": "etl", "name": "table"}]}""";

    private final OpenLineageReader reader =
            new OpenLineageReader(new IntakeLimits(10, 100, 100, 100, 3, "catalog.openlineage"));

    @Test
    void eachEventOfAnArrayIsReadOnItsOwn() {
        List<EventBatch.Entry> entries =
                EventBatch.ofArray(reader, "[" + EVENT + ", 42, " + EVENT.replace("COMPLETE", "DONE") + "]");

        assertThat(entries).extracting(EventBatch.Entry::index).containsExactly(0, 1, 2);
        assertThat(entries.get(0).event()).isNotNull();
        assertThat(entries.get(0).event().jobId()).isEqualTo("etl/load");
        assertThat(entries.get(1).problems()).containsExactly("/: expected a JSON object");
        assertThat(entries.get(2).event()).isNull();
        assertThat(entries.get(2).problems()).singleElement().asString().startsWith("/eventType: expected one of");
    }

    @Test
    void eachLineOfNdjsonIsOneEventAndBlankLinesAreSkipped() {
        List<EventBatch.Entry> entries =
                EventBatch.ofLines(reader, EVENT.replace("\n", " ") + "\n\n{not json\n" + EVENT.replace("\n", " "));

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).event()).isNotNull();
        assertThat(entries.get(1).problems()).singleElement().asString().startsWith("/: not valid JSON");
        assertThat(entries.get(2).event()).isNotNull();
    }

    @Test
    void aBodyThatIsNotABatchOrCarriesTooManyIsRefusedWhole() {
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> EventBatch.ofArray(reader, EVENT))
                        .problems())
                .containsExactly("/: expected a JSON array of OpenLineage events");
        assertThat(catchThrowableOfType(
                                InvalidEventException.class,
                                () -> EventBatch.ofArray(
                                        reader, "[" + String.join(",", List.of(EVENT, EVENT, EVENT, EVENT)) + "]"))
                        .problems())
                .containsExactly("/: 4 events; at most 3 (catalog.openlineage.max-batch-events) per request");
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> EventBatch.ofLines(reader, "\n \n"))
                        .problems())
                .singleElement()
                .asString()
                .startsWith("/: no events");
    }
}
