package io.meshcatalog.gateway.audit;

import static io.meshcatalog.gateway.audit.AuditFixtures.T0;
import static io.meshcatalog.gateway.audit.AuditFixtures.file;
import static io.meshcatalog.gateway.audit.AuditFixtures.lines;
import static io.meshcatalog.gateway.audit.AuditFixtures.rewrite;
import static io.meshcatalog.gateway.audit.AuditFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.audit.AuditVerifier.Broken;
import io.meshcatalog.gateway.audit.AuditVerifier.Intact;
import io.meshcatalog.gateway.audit.AuditVerifier.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of tampering is detected and located: the file, the line and what is wrong with it. */
class AuditVerifierTests {

    /** Small files, so 150 events make several and the tampering can reach across a rotation. */
    private static final long SMALL = AuditLines.MAX_LINE_BYTES;

    @TempDir
    Path dir;

    @Test
    void anUntouchedLogIsIntactWithItsFilesEventsTimesAndHead() throws IOException {
        write(dir, 150, SMALL);
        String head;
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir))) {
            head = log.head().hash();
        }

        Intact intact = intact(AuditVerifier.verify(dir, null));

        assertThat(intact.files()).hasSizeGreaterThan(2);
        assertThat(intact.files().get(0).getFileName()).hasToString("audit-000001.jsonl");
        assertThat(intact.events()).isEqualTo(150);
        assertThat(intact.first()).isEqualTo(T0.plusSeconds(1));
        assertThat(intact.last()).isEqualTo(T0.plusSeconds(150));
        assertThat(intact.head()).isEqualTo(head).hasSize(64);
        assertThat(intact.note()).isNull();
    }

    @Test
    void anEditedLineIsFoundAtItsLine() throws IOException {
        write(dir, 20, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.set(6, lines.get(6).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 7, "edited: the line's hash does not match its content");
    }

    @Test
    void aDeletedLineIsASequenceGap() throws IOException {
        write(dir, 20, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.remove(4);
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 5, "sequence gap: expected seq 5, found 6 (seq 5 missing");
    }

    @Test
    void swappedLinesAreFoundWhereTheOrderBreaks() throws IOException {
        write(dir, 20, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.add(3, lines.remove(2));
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 3, "sequence gap: expected seq 3, found 4");
    }

    @Test
    void anInsertedCopyOfALineIsOutOfOrder() throws IOException {
        write(dir, 20, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.add(3, lines.get(2));
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 4, "out of order: expected seq 4, found 3");
    }

    @Test
    void aLineRewrittenWithAFreshHashBreaksTheLinkOfTheNextLine() throws IOException {
        write(dir, 20, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.set(9, forged(lines.get(9)));
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 11, "bad link: its prev does not match the hash of the line before");
    }

    @Test
    void tamperingAcrossARotationIsFoundAtTheFirstLineOfTheNextFile() throws IOException {
        write(dir, 150, SMALL);
        List<String> first = lines(file(dir, 1));
        first.set(first.size() - 1, forged(first.get(first.size() - 1)));
        rewrite(file(dir, 1), first);

        assertBroken(dir, file(dir, 2), 1, "bad link between files: its prev");
    }

    @Test
    void aTruncatedFileBeforeAnotherIsAGapAtTheNextFile() throws IOException {
        write(dir, 150, SMALL);
        List<String> first = lines(file(dir, 1));
        int kept = first.size() - 2;
        rewrite(file(dir, 1), first.subList(0, kept));

        assertBroken(dir, file(dir, 2), 1, "sequence gap: expected seq " + (kept + 1) + ", found " + (kept + 3));
    }

    @Test
    void aRemovedFileIsNamed() throws IOException {
        write(dir, 150, SMALL);
        Files.delete(file(dir, 2));

        assertBroken(dir, file(dir, 3), 0, "missing file: audit-000002.jsonl (audit-000001.jsonl is followed by");
    }

    @Test
    void aRemovedFirstFileLeavesTheChainWithoutItsStart() throws IOException {
        write(dir, 150, SMALL);
        long firstOfSecond = lines(file(dir, 1)).size() + 1;
        Files.delete(file(dir, 1));

        assertBroken(dir, file(dir, 2), 1, "sequence gap: expected seq 1, found " + firstOfSecond);
    }

    @Test
    void anUnterminatedLineInAnOlderFileIsBroken() throws IOException {
        write(dir, 150, SMALL);
        List<String> first = lines(file(dir, 1));
        String last = first.remove(first.size() - 1);
        rewrite(file(dir, 1), first);
        Files.writeString(file(dir, 1), last.substring(0, 40), StandardOpenOption.APPEND);

        assertBroken(dir, file(dir, 1), first.size() + 1, "unterminated last line at offset");
    }

    @Test
    void anUnterminatedLastLineOfTheNewestFileIsANoteNotABreak() throws IOException {
        write(dir, 10, SMALL);
        long size = Files.size(file(dir, 1));
        Files.writeString(file(dir, 1), "{\"seq\":11,\"time\":\"20", StandardOpenOption.APPEND);

        Intact intact = intact(AuditVerifier.verify(dir, null));
        assertThat(intact.events()).isEqualTo(10);
        assertThat(intact.note())
                .contains("audit-000001.jsonl ends with 20 bytes of an unterminated line at offset " + size);
    }

    @Test
    void aLineThatIsNotAnAuditLineIsNamed() throws IOException {
        write(dir, 10, SMALL);
        List<String> lines = lines(file(dir, 1));
        lines.set(1, "hello");
        rewrite(file(dir, 1), lines);

        assertBroken(dir, file(dir, 1), 2, "not an audit line");
    }

    @Test
    void theExpectedHeadMustStillBeInTheLog() throws IOException {
        write(dir, 30, SMALL);
        List<String> lines = lines(file(dir, 1));
        String hashOfLine20 = hash(lines.get(19));
        String hashOfLine28 = hash(lines.get(27));
        rewrite(file(dir, 1), lines.subList(0, 25));

        Intact intact = intact(AuditVerifier.verify(dir, hashOfLine20.toUpperCase(java.util.Locale.ROOT)));
        assertThat(intact.expectedAt()).isEqualTo(20L);
        assertThat(intact.events())
                .as("the chain alone cannot tell the end was cut")
                .isEqualTo(25);
        Broken broken = broken(AuditVerifier.verify(dir, hashOfLine28));
        assertThat(broken.problem())
                .isEqualTo("the expected head " + hashOfLine28
                        + " is not in the log: it was truncated, or rewritten, after that head was recorded");
    }

    @Test
    void aWholeRewrittenLogIsCaughtOnlyByTheExpectedHead(@TempDir Path other) throws IOException {
        write(dir, 10, SMALL);
        String recorded = intact(AuditVerifier.verify(dir, null)).head();
        write(other, 9, SMALL);
        Files.delete(file(dir, 1));
        Files.copy(file(other, 1), file(dir, 1));

        assertThat(intact(AuditVerifier.verify(dir, null)).events()).isEqualTo(9);
        assertThat(broken(AuditVerifier.verify(dir, recorded)).problem()).startsWith("the expected head");
    }

    @Test
    void anEmptyDirectoryIsAnEmptyIntactLogAndAMissingOneIsAnError() throws IOException {
        Intact intact = intact(AuditVerifier.verify(dir, null));
        assertThat(intact.events()).isZero();
        assertThat(intact.head()).isEqualTo(AuditLines.GENESIS);
        assertThatThrownBy(() -> AuditVerifier.verify(dir.resolve("nothing"), null))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> AuditVerifier.verify(dir, "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--expect-head must be a SHA-256");
    }

    /** The same line with another actor and its hash recomputed: what someone who knows the format would write. */
    private static String forged(String line) {
        try {
            AuditLines codec = new AuditLines(JsonMapper.builder().build());
            AuditLines.Link link = codec.link(line.getBytes(StandardCharsets.UTF_8));
            AuditEvent original = AuditLines.record(link).event();
            AuditEvent forged = new AuditEvent(
                    original.at(),
                    original.kind(),
                    "mallory",
                    original.source(),
                    original.target(),
                    original.outcome(),
                    Map.of());
            String encoded =
                    new String(codec.encode(link.seq(), link.prev(), forged).bytes(), StandardCharsets.UTF_8);
            return encoded.substring(0, encoded.length() - 1);
        } catch (AuditLines.BadLine e) {
            throw new AssertionError(e);
        }
    }

    private static String hash(String line) {
        return line.substring(line.length() - 66, line.length() - 2);
    }

    private static void assertBroken(Path dir, Path file, long line, String problem) throws IOException {
        Broken broken = broken(AuditVerifier.verify(dir, null));
        assertThat(broken.file()).isEqualTo(file);
        assertThat(broken.line()).isEqualTo(line);
        assertThat(broken.problem()).startsWith(problem);
    }

    private static Intact intact(Verification verification) {
        assertThat(verification).isInstanceOf(Intact.class);
        return (Intact) verification;
    }

    private static Broken broken(Verification verification) {
        assertThat(verification).isInstanceOf(Broken.class);
        return (Broken) verification;
    }
}
