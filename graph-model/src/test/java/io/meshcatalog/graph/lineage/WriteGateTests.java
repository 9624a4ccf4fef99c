package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.openlineage.ColumnSource;
import io.meshcatalog.graph.openlineage.EventDataset;
import io.meshcatalog.graph.openlineage.LineageEvent;
import io.meshcatalog.graph.openlineage.SchemaField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lineage writes take turns by size: small ones side by side, one as large as the intake bounds allow alone. */
class WriteGateTests {

    @Test
    void anEventWeighsItsDatasetsFieldsAndColumnSources() {
        EventDataset input = new EventDataset("ns", "in", List.of(new SchemaField("a", "INT", "")), Map.of());
        EventDataset output = new EventDataset("ns", "out", List.of(new SchemaField("b", "INT", "")),
                Map.of("b", List.of(new ColumnSource("ns", "in", "a"))));
        assertThat(WriteGate.weight(event(List.of(input), List.of(output)))).isEqualTo(1 + 2 + 3);
        assertThat(WriteGate.weight(event(List.of(), List.of()))).isEqualTo(1);
        List<EventDataset> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new EventDataset("ns", "d" + i, List.of(), Map.of()));
        }
        assertThat(WriteGate.weight(event(many, List.of()))).isEqualTo(WriteGate.CAPACITY);
    }

    @Test
    void smallWritesRunSideBySide() throws Exception {
        WriteGate gate = new WriteGate(Duration.ofSeconds(5));
        CountDownLatch bothInside = new CountDownLatch(2);
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writes.add(CompletableFuture.supplyAsync(() -> gate.through(10, () -> {
                bothInside.countDown();
                return await(bothInside);
            })));
        }
        for (CompletableFuture<Boolean> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS)).as("both writes were inside the gate at once").isTrue();
        }
    }

    @Test
    void aWholeGateWriteRunsAloneAndAWriteThatCannotStartInTimeIsBusy() throws Exception {
        WriteGate gate = new WriteGate(Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Boolean> large = CompletableFuture.supplyAsync(() -> gate.through(WriteGate.CAPACITY, () -> {
            inside.countDown();
            return await(release);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> gate.through(1, ran::incrementAndGet)).isInstanceOf(WriteGate.Busy.class)
                .isInstanceOf(org.neo4j.driver.exceptions.RetryableException.class)
                .hasMessageContaining("kept the store busy");
        assertThat(ran).as("the refused write never ran").hasValue(0);
        release.countDown();
        assertThat(large.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.through(WriteGate.CAPACITY, ran::incrementAndGet)).as("the units were given back").isEqualTo(1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static LineageEvent event(List<EventDataset> inputs, List<EventDataset> outputs) {
        return new LineageEvent(LineageEvent.Kind.RUN, Instant.EPOCH, "p", "s", "run", "COMPLETE", "ns", "job", inputs,
                outputs);
    }
}
