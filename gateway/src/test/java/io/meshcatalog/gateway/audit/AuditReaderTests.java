package io.meshcatalog.gateway.audit;

import static io.meshcatalog.gateway.audit.AuditFixtures.file;
import static io.meshcatalog.gateway.audit.AuditFixtures.lines;
import static io.meshcatalog.gateway.audit.AuditFixtures.rewrite;
import static io.meshcatalog.gateway.audit.AuditFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.audit.AuditReader.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins page through the log by cursor, filtered by kind and actor, across rotated files. */
class AuditReaderTests {

    /** 3,000 events in one file (some 700 KB: the offset search has work to do). */
    @TempDir
    static Path big;
    /** 400 events in small files. */
    @TempDir
    static Path rotated;

    @BeforeAll
    static void writeLogs() {
        write(big, 3000, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        write(rotated, 400, AuditLines.MAX_LINE_BYTES);
    }

    @Test
    void pagesFollowEachOtherInOrderAcrossFiles() {
        AuditReader reader = new AuditReader(rotated, () -> Long.MAX_VALUE);
        List<Long> seen = new ArrayList<>();
        Page page = reader.page(0, Set.of(), null, 75);
        seen.addAll(page.records().stream().map(AuditRecord::seq).toList());
        int pages = 1;
        while (page.more()) {
            assertThat(page.records()).hasSize(75);
            page = reader.page(page.cursor(), Set.of(), null, 75);
            seen.addAll(page.records().stream().map(AuditRecord::seq).toList());
            pages++;
        }
        assertThat(seen)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 400).boxed().toList());
        assertThat(pages).isEqualTo(6);
        assertThat(page.cursor()).isEqualTo(400);
        assertThat(AuditFixtures.readAll(reader, "bob"))
                .extracting(AuditRecord::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 200).map(n -> 2 * n).boxed().toList());
    }

    @Test
    void aCursorAnywhereStartsTheNextPageRightAfterIt() {
        for (Path dir : List.of(big, rotated)) {
            AuditReader reader = new AuditReader(dir, () -> Long.MAX_VALUE);
            long last = dir == big ? 3000 : 400;
            for (long after = 0; after < last; after += 37) {
                Page page = reader.page(after, Set.of(), null, 3);
                assertThat(page.records())
                        .extracting(AuditRecord::seq)
                        .as("after %d in %s", after, dir)
                        .containsExactlyElementsOf(LongStream.rangeClosed(after + 1, Math.min(after + 3, last))
                                .boxed()
                                .toList());
            }
            assertThat(reader.page(last, Set.of(), null, 3)).isEqualTo(new Page(List.of(), last, false));
            assertThat(reader.page(last + 10, Set.of(), null, 3).records()).isEmpty();
        }
    }

    @Test
    void recordsCarryTheEventAndItsLinks() {
        Page page = new AuditReader(rotated, () -> Long.MAX_VALUE).page(0, Set.of(), null, 2);
        AuditRecord first = page.records().get(0);
        AuditRecord second = page.records().get(1);
        AuditEvent written = AuditFixtures.event(1);
        assertThat(first.event())
                .as("numbers come back as longs")
                .isEqualTo(new AuditEvent(
                        written.at(),
                        written.kind(),
                        written.actor(),
                        written.source(),
                        written.target(),
                        written.outcome(),
                        Map.of("n", 1L)));
        assertThat(first.prev()).isEqualTo(AuditLines.GENESIS);
        assertThat(second.prev()).isEqualTo(first.hash());
    }

    @Test
    void kindsAndActorFilterThePage() {
        AuditReader reader = new AuditReader(big, () -> Long.MAX_VALUE);
        Page page = reader.page(100, Set.of(AuditKind.LINEAGE_INGESTED), "bob", 5);
        // event n is LINEAGE_INGESTED when n % 3 == 0 and by bob when n is even
        assertThat(page.records()).extracting(AuditRecord::seq).containsExactly(102L, 108L, 114L, 120L, 126L);
        assertThat(page.cursor()).isEqualTo(126);
        assertThat(page.more()).isTrue();
        assertThat(reader.page(0, Set.of(AuditKind.HARVEST, AuditKind.LINEAGE_INGESTED), "alice", 3)
                        .records())
                .extracting(AuditRecord::seq)
                .containsExactly(1L, 3L, 5L);
    }

    @Test
    void aFilterThatRarelyMatchesEndsThePageAfterABoundedScan(@TempDir Path dir) {
        write(dir, AuditReader.MAX_SCANNED + 500, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        AuditReader reader = new AuditReader(dir, () -> Long.MAX_VALUE);

        Page first = reader.page(0, Set.of(), "nobody", 10);
        assertThat(first).isEqualTo(new Page(List.of(), AuditReader.MAX_SCANNED, true));
        Page second = reader.page(first.cursor(), Set.of(), "nobody", 10);
        assertThat(second).isEqualTo(new Page(List.of(), AuditReader.MAX_SCANNED + 500, false));
    }

    @Test
    void onlyWhatIsOnDiskIsRead() {
        AuditReader reader = new AuditReader(big, () -> 10);
        Page page = reader.page(5, Set.of(), null, 100);
        assertThat(page.records()).extracting(AuditRecord::seq).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(page.more()).isFalse();
    }

    @Test
    void limitsAndCursorsOutOfRangeAreRefused() {
        AuditReader reader = new AuditReader(big, () -> Long.MAX_VALUE);
        assertThatThrownBy(() -> reader.page(0, Set.of(), null, 0)).hasMessage("limit must be 1..500, was 0");
        assertThatThrownBy(() -> reader.page(0, Set.of(), null, 501)).hasMessage("limit must be 1..500, was 501");
        assertThatThrownBy(() -> reader.page(-1, Set.of(), null, 1)).hasMessage("after must be 0 or a seq, was -1");
    }

    @Test
    void anEditedLineIsReportedWithItsFile(@TempDir Path dir) {
        write(dir, 5, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        List<String> lines = lines(file(dir, 1));
        lines.set(3, lines.get(3).replace("orders", "payments"));
        rewrite(file(dir, 1), lines);

        AuditReader reader = new AuditReader(dir, () -> Long.MAX_VALUE);
        assertThat(reader.page(0, Set.of(), null, 3).records()).hasSize(3);
        assertThatThrownBy(() -> reader.page(3, Set.of(), null, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit-000001.jsonl at offset")
                .hasMessageContaining("edited")
                .hasMessageContaining("--verify-audit");
    }
}
