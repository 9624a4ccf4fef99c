package io.meshcatalog.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Logs written through the real {@link FileAuditLog}, and the line edits the tamper tests make. */
final class AuditFixtures {

    static final Instant T0 = Instant.parse("2026-12-03T10:15:30Z");

    private AuditFixtures() {}

    /** Event {@code n}: a harvest by {@code alice} or {@code bob} (odd or even), at {@code T0 + n} seconds. */
    static AuditEvent event(int n) {
        return new AuditEvent(
                T0.plusSeconds(n),
                n % 3 == 0 ? AuditKind.LINEAGE_INGESTED : AuditKind.HARVEST,
                n % 2 == 0 ? "bob" : "alice",
                "10.0.0." + (n % 250),
                "orders",
                AuditEvent.SUCCESS,
                Map.of("n", n));
    }

    /** Writes events 1..{@code count} to a log in {@code dir} with files of at most {@code maxFileBytes}. */
    static void write(Path dir, int count, long maxFileBytes) {
        try (FileAuditLog log = FileAuditLog.open(new AuditSettings(dir, maxFileBytes, 100))) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                acks.add(log.append(event(n)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Every record {@code actor} (null: anyone) has in the log, page after page as an admin would read them. */
    static List<AuditRecord> readAll(AuditReader reader, @Nullable String actor) {
        List<AuditRecord> records = new ArrayList<>();
        AuditReader.Page page = reader.page(0, Set.of(), actor, AuditReader.MAX_LIMIT);
        records.addAll(page.records());
        while (page.more()) {
            page = reader.page(page.cursor(), Set.of(), actor, AuditReader.MAX_LIMIT);
            records.addAll(page.records());
        }
        return records;
    }

    static Path file(Path dir, int number) {
        return dir.resolve(AuditFiles.name(number));
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void rewrite(Path file, List<String> lines) {
        try {
            Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
