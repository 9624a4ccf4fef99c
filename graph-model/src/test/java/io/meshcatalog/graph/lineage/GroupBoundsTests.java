package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One transaction holds at most a group of events and units, each key once; a request is split by that rule. */
class GroupBoundsTests {

    @Test
    void boundsTakeAllOrNothingAndNeverAKeyTwice() {
        GroupBounds bounds = new GroupBounds();

        assertThat(bounds.take(List.of(event("a"), event("b")))).isTrue();
        assertThat(bounds.take(List.of(event("c"), event("a"))))
                .as("a is taken already")
                .isFalse();
        assertThat(bounds.take(List.of(event("d"), event("d")))).as("d twice").isFalse();
        assertThat(bounds.take(List.of(event("c"))))
                .as("nothing of the refused was taken")
                .isTrue();
        assertThat(bounds.take(events("more", WriteQueue.GROUP - 3))).isTrue();
        assertThat(bounds.take(List.of(event("one more"))))
                .as("a group is full")
                .isFalse();
    }

    @Test
    void aRequestIsSplitWhereAGroupIsFullOrAKeyComesAgain() {
        List<KeyedEvent> request = new ArrayList<>(events("e", WriteQueue.GROUP + 10));
        request.add(5, event("e 0"));

        List<List<KeyedEvent>> groups = OpenLineageWriter.groups(request);

        assertThat(groups).extracting(List::size).containsExactly(5, WriteQueue.GROUP, 6);
        assertThat(groups.get(1).get(0).key())
                .as("the key sent again starts the next group")
                .isEqualTo("e 0");
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(request.size());
    }

    private static List<KeyedEvent> events(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> event(prefix + " " + i)).toList();
    }

    private static KeyedEvent event(String key) {
        return new KeyedEvent(
                new LineageEvent(
                        LineageEvent.Kind.RUN,
                        Instant.EPOCH,
                        "p",
                        "s",
                        "run",
                        "COMPLETE",
                        "ns",
                        "job",
                        List.<EventDataset>of(),
                        List.<EventDataset>of()),
                key);
    }
}
