package io.meshcatalog.gateway.audit;

import io.meshcatalog.gateway.audit.ChainCheck.FileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every file of a log, oldest first, one line at a time, and says whether the chain holds: the heart of
 * {@code java -jar gateway.jar --verify-audit}. A hash chain shows that no line was removed, reordered, inserted or
 * edited since it was written, but not that someone who rewrote every line from some point on (or the whole log)
 * did not also recompute every hash; comparing the head with one recorded elsewhere ({@code expectHead}) does.
 */
public final class AuditVerifier {

    private AuditVerifier() {}

    /** What a verification found. */
    public sealed interface Verification permits Intact, Broken {}

    /**
     * The chain holds.
     *
     * @param files the files read, oldest first
     * @param events how many lines the chain has
     * @param first the first event's time; null without events
     * @param last the last event's time; null without events
     * @param head the hash of the last line (64 zeros without events): record it elsewhere to compare later
     * @param expectedAt the {@code seq} of the line whose hash is the expected head; null when none was given
     * @param note something worth saying that does not break the chain (an unterminated last line); null when none
     */
    public record Intact(
            List<Path> files,
            long events,
            @Nullable Instant first,
            @Nullable Instant last,
            String head,
            @Nullable Long expectedAt,
            @Nullable String note)
            implements Verification {}

    /** The first place where the chain does not hold: the file, the line (from 1; 0 for the file as a whole), what. */
    public record Broken(Path file, long line, String problem) implements Verification {

        public String describe() {
            return new ChainCheck.Break(file, line, problem).describe();
        }
    }

    /**
     * Verifies the log in {@code dir}; with {@code expectHead} (a hash recorded earlier) it also requires a line with
     * that hash, so a log truncated or rewritten since that hash was recorded is reported.
     *
     * @throws NoSuchFileException when {@code dir} is not a directory
     */
    public static Verification verify(Path dir, @Nullable String expectHead) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no audit log there (not a directory)");
        }
        String expected = expectHead == null ? null : expectHead.toLowerCase(Locale.ROOT);
        if (expected != null && !AuditLines.isHash(expected)) {
            throw new IllegalArgumentException(
                    "--expect-head must be a SHA-256 in hex (64 characters), was \"" + expectHead + "\"");
        }
        List<Path> files = AuditFiles.list(dir);
        ChainCheck chain =
                ChainCheck.fromStart(new AuditLines(JsonMapper.builder().build()));
        long[] expectedAt = {-1};
        long events = 0;
        Instant first = null;
        Instant last = null;
        String note = null;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (i > 0) {
                long before = AuditFiles.number(files.get(i - 1)).orElseThrow();
                long number = AuditFiles.number(file).orElseThrow();
                if (number != before + 1) {
                    return new Broken(
                            file,
                            0,
                            "missing file: " + AuditFiles.name(before + 1)
                                    + (number > before + 2 ? " to " + AuditFiles.name(number - 1) : "") + " ("
                                    + files.get(i - 1).getFileName()
                                    + " is followed by " + file.getFileName() + ")");
                }
            }
            FileResult result = chain.check(file, link -> {
                if (link.hash().equals(expected)) {
                    expectedAt[0] = link.seq();
                }
            });
            if (result.broken() != null) {
                ChainCheck.Break broken = result.broken();
                return new Broken(broken.file(), broken.line(), broken.problem());
            }
            if (result.tail() > 0) {
                if (i < files.size() - 1) {
                    return new Broken(
                            file,
                            result.lines() + 1,
                            "unterminated last line at offset " + result.end() + ": the file was cut short after "
                                    + files.get(i + 1).getFileName() + " was started");
                }
                note = file.getFileName() + " ends with " + result.tail() + " bytes of an unterminated line at offset "
                        + result.end()
                        + ": an append in progress, or one the process never finished (the next start cuts it"
                        + " off; such an event was never acknowledged)";
            }
            events += result.lines();
            first = first == null ? result.first() : first;
            last = result.last() == null ? last : result.last();
        }
        if (expected != null && expectedAt[0] < 0) {
            return new Broken(
                    files.isEmpty() ? dir : files.get(files.size() - 1),
                    0,
                    "the expected head " + expected
                            + " is not in the log: it was truncated, or rewritten, after that head was recorded");
        }
        return new Intact(
                List.copyOf(files), events, first, last, chain.hash(), expected == null ? null : expectedAt[0], note);
    }
}
