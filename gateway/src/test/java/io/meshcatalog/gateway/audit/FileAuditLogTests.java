package io.meshcatalog.gateway.audit;

import static io.meshcatalog.gateway.audit.AuditFixtures.event;
import static io.meshcatalog.gateway.audit.AuditFixtures.file;
import static io.meshcatalog.gateway.audit.AuditFixtures.lines;
import static io.meshcatalog.gateway.audit.AuditFixtures.rewrite;
import static io.meshcatalog.gateway.audit.AuditFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.audit.AuditVerifier.Intact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The file log: one verified line per acknowledged event, rotated by size, continued across restarts. */
class FileAuditLogTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void anAcknowledgedEventIsALineOnDiskWithItsPlaceInTheChain() throws IOException {
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            log.append(event(1)).join();

            List<String> lines = lines(file(dir, 1));
            assertThat(lines).hasSize(1);
            JsonNode line = JSON.readTree(lines.get(0));
            assertThat(line.propertyNames())
                    .containsExactly(
                            "seq", "time", "kind", "actor", "source", "target", "outcome", "details", "prev", "hash");
            assertThat(line.get("seq").asLong()).isEqualTo(1);
            assertThat(line.get("time").asString()).isEqualTo("2026-12-03T10:15:31Z");
            assertThat(line.get("kind").asString()).isEqualTo("HARVEST");
            assertThat(line.get("actor").asString()).isEqualTo("alice");
            assertThat(line.get("source").asString()).isEqualTo("10.0.0.1");
            assertThat(line.get("details").get("n").asInt()).isEqualTo(1);
            assertThat(line.get("prev").asString()).isEqualTo("0".repeat(64));
            assertThat(line.get("hash").asString()).isEqualTo(log.head().hash());
            assertThat(log.head().seq()).isEqualTo(1);
        }
    }

    @Test
    void aRestartContinuesTheChainAfterTheLastLine() throws IOException {
        write(dir, 10, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        write(dir, 10, AuditSettings.DEFAULT_MAX_FILE_BYTES);

        List<String> lines = lines(file(dir, 1));
        assertThat(lines).hasSize(20);
        assertThat(JSON.readTree(lines.get(10)).get("seq").asLong()).isEqualTo(11);
        assertThat(intact().events()).isEqualTo(20);
    }

    @Test
    void filesRotateBySizeAndTheChainCarriesOverEveryRestart() throws IOException {
        long max = AuditLines.MAX_LINE_BYTES;
        write(dir, 100, max);
        write(dir, 100, max);

        List<Path> files = AuditFiles.list(dir);
        assertThat(files).hasSizeGreaterThan(3);
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(max);
        }
        assertThat(files)
                .extracting(file -> file.getFileName().toString())
                .startsWith("audit-000001.jsonl", "audit-000002.jsonl", "audit-000003.jsonl");
        assertThat(intact().events()).isEqualTo(200);
    }

    @Test
    void aTornLastLineIsCutOffOnStartAndTheChainGoesOn() throws IOException {
        write(dir, 5, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        long complete = Files.size(file(dir, 1));
        Files.writeString(file(dir, 1), "{\"seq\":6,\"time\":\"2026-12-03T", StandardOpenOption.APPEND);

        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            assertThat(Files.size(file(dir, 1))).isEqualTo(complete);
            log.append(event(6)).join();
            assertThat(log.head().seq()).isEqualTo(6);
        }
        assertThat(intact().events()).isEqualTo(6);
    }

    @Test
    void aNewestFileThatDoesNotVerifyStopsTheStartNamingFileAndLine() throws IOException {
        write(dir, 5, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        List<String> lines = lines(file(dir, 1));
        lines.set(2, lines.get(2).replace("\"actor\":\"alice\"", "\"actor\":\"eve\""));
        rewrite(file(dir, 1), lines);
        byte[] before = Files.readAllBytes(file(dir, 1));

        assertThatThrownBy(() -> FileAuditLog.open(AuditSettings.in(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be continued: audit-000001.jsonl line 3: edited")
                .hasMessageContaining("--verify-audit=" + dir);
        assertThat(Files.readAllBytes(file(dir, 1))).as("nothing written").isEqualTo(before);
    }

    @Test
    void aNewestFileThatDoesNotContinueTheOneBeforeStopsTheStart() throws IOException {
        long max = AuditLines.MAX_LINE_BYTES;
        write(dir, 200, max);
        List<Path> files = AuditFiles.list(dir);
        assertThat(files).hasSizeGreaterThan(2);
        Path newest = files.get(files.size() - 1);
        Files.delete(files.get(files.size() - 2));

        assertThatThrownBy(() -> FileAuditLog.open(new AuditSettings(dir, max, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "missing file: " + files.get(files.size() - 2).getFileName() + " (")
                .hasMessageContaining("is followed by " + newest.getFileName());
    }

    @Test
    void aSecondGatewayOnTheSameDirectoryIsRefused() {
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            assertThatThrownBy(() -> FileAuditLog.open(AuditSettings.in(dir)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another gateway")
                    .hasMessageContaining("give each gateway its own audit.dir");
            log.append(event(1)).join();
            assertThat(log.head().seq()).as("the first one writes on").isEqualTo(1);
        }
    }

    @Test
    void closeWritesEveryQueuedAppendAndLaterAppendsFail() throws IOException {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        FileAuditLog log = FileAuditLog.open(new AuditSettings(dir, AuditSettings.DEFAULT_MAX_FILE_BYTES, 16));
        for (int n = 1; n <= 2000; n++) {
            acks.add(log.append(event(n)));
        }
        log.close();

        assertThat(acks).allMatch(ack -> ack.isDone() && !ack.isCompletedExceptionally());
        assertThat(lines(file(dir, 1))).hasSize(2000);
        assertThatThrownBy(() -> log.append(event(2001)).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("the audit log is closed");
    }

    @Test
    void anAppendChainedOnAnAcknowledgementIsWrittenToo() {
        try (FileAuditLog log = FileAuditLog.open(new AuditSettings(dir, AuditSettings.DEFAULT_MAX_FILE_BYTES, 1))) {
            log.append(event(1)).thenCompose(done -> log.append(event(2))).join();
            assertThat(log.head().seq()).isEqualTo(2);
        }
    }

    @Test
    void concurrentAppendsEachGetTheirOwnLine() throws Exception {
        try (FileAuditLog log = FileAuditLog.open(new AuditSettings(dir, AuditLines.MAX_LINE_BYTES, 8))) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(event(thread * 1000 + i)).join();
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(intact().events()).isEqualTo(800);
        Set<Long> numbers = new HashSet<>();
        AuditFixtures.readAll(new AuditReader(dir, () -> Long.MAX_VALUE), null)
                .forEach(record -> numbers.add((Long) record.event().details().get("n")));
        Set<Long> expected = new HashSet<>();
        for (long t = 0; t < 8; t++) {
            for (long i = 0; i < 100; i++) {
                expected.add(t * 1000 + i);
            }
        }
        assertThat(numbers).isEqualTo(expected);
    }

    @Test
    void valuesAreBoundedAndALineNeverExceedsTheMaximum() throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            details.put("key" + i + "x".repeat(100), "v".repeat(10_000));
        }
        details.put("list", List.of("a", "b\nc"));
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            log.append(new AuditEvent(
                            AuditFixtures.T0,
                            AuditKind.ACCESS_DENIED,
                            "line\nbreak " + "a".repeat(5000),
                            "10.0.0.1",
                            "t",
                            AuditEvent.DENIED,
                            Map.of("reason", "r".repeat(5000), "count", 3, "ok", true)))
                    .join();
            log.append(new AuditEvent(
                            AuditFixtures.T0, AuditKind.ACCESS_DENIED, "x", "", "t", AuditEvent.DENIED, details))
                    .join();
        }

        List<String> lines = lines(file(dir, 1));
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("actor").asString())
                .startsWith("line\nbreak aaa")
                .endsWith("…")
                .hasSize(AuditLines.MAX_TEXT + 1);
        assertThat(first.get("details").get("reason").asString()).hasSize(AuditLines.MAX_TEXT + 1);
        assertThat(first.get("details").get("count").asInt()).isEqualTo(3);
        assertThat(first.get("details").get("ok").asBoolean()).isTrue();
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(lines.get(1).getBytes(StandardCharsets.UTF_8).length).isLessThan(AuditLines.MAX_LINE_BYTES);
        assertThat(second.get("details").get("_omitted").asString())
                .isEqualTo("101 details left out: the line would exceed 16384 bytes");
        assertThat(intact().events()).isEqualTo(2);
    }

    @Test
    void filesAreReadableByTheOwnerOnly() throws IOException {
        Path audit = dir.resolve("data/audit");
        AuditFixtures.write(audit, 1, AuditSettings.DEFAULT_MAX_FILE_BYTES);
        if (audit.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file(audit, 1))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void theDefaultDirectoryIsUnderTheDataDirectory() {
        assertThat(AuditSettings.defaultDir(Map.of())).isEqualTo(Path.of("data", "audit"));
        assertThat(AuditSettings.defaultDir(Map.of("MESH_DATA_DIR", "/var/lib/mesh")))
                .isEqualTo(Path.of("/var/lib/mesh/audit"));
        assertThat(new AuditProperties(dir, null, null)
                        .settings(Map.of("MESH_DATA_DIR", "/x"))
                        .dir())
                .isEqualTo(dir);
        assertThatThrownBy(() -> new AuditSettings(dir, 100, 10))
                .hasMessageContaining("audit.max-file-size must be at least");
    }

    private Intact intact() throws IOException {
        AuditVerifier.Verification verification = AuditVerifier.verify(dir, null);
        assertThat(verification).isInstanceOf(Intact.class);
        return (Intact) verification;
    }
}
