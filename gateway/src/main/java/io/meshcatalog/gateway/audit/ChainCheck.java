package io.meshcatalog.gateway.audit;

import io.meshcatalog.gateway.audit.AuditLines.BadLine;
import io.meshcatalog.gateway.audit.AuditLines.Link;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The chain rule, its one home, applied one file at a time and carried from file to file: every line's hash matches
 * its bytes, its {@code seq} is the one after the line before, and its {@code prev} is that line's hash. Start-up
 * applies it to the newest file, {@code --verify-audit} to every file.
 */
final class ChainCheck {

    /** Where the chain is broken: the file, the line (from 1; 0 for the file as a whole) and what is wrong. */
    record Break(Path file, long line, String problem) {

        String describe() {
            return file.getFileName() + (line > 0 ? " line " + line : "") + ": " + problem;
        }
    }

    /**
     * What one file held: its complete lines, the first and last event time, where its complete lines end and how
     * many bytes follow them unterminated, and the break if the chain does not hold in it.
     */
    record FileResult(
            long lines,
            @Nullable Instant first,
            @Nullable Instant last,
            long end,
            long tail,
            @Nullable Break broken) {}

    private final AuditLines codec;
    private long seq;
    private String hash;
    private @Nullable Path previousFile;

    /** Continues after the line numbered {@code seq} whose hash is {@code hash}, the last one of {@code previousFile}. */
    ChainCheck(AuditLines codec, long seq, String hash, @Nullable Path previousFile) {
        this.codec = codec;
        this.seq = seq;
        this.hash = hash;
        this.previousFile = previousFile;
    }

    /** At the start of the chain: the first line is number 1 after 64 zeros. */
    static ChainCheck fromStart(AuditLines codec) {
        return new ChainCheck(codec, 0, AuditLines.GENESIS, null);
    }

    /** The last line's number so far (0 before any). */
    long seq() {
        return seq;
    }

    /** The last line's hash so far (64 zeros before any): the head. */
    String hash() {
        return hash;
    }

    /** Checks {@code file}'s lines in order, handing each good one to {@code each}; stops at the first break. */
    FileResult check(Path file, Consumer<Link> each) throws IOException {
        long good = 0;
        Instant first = null;
        Instant last = null;
        try (LineScanner scanner = new LineScanner(file, 0)) {
            while (true) {
                LineScanner.Line line;
                try {
                    line = scanner.next();
                } catch (LineScanner.TooLong e) {
                    return new FileResult(
                            good,
                            first,
                            last,
                            e.offset,
                            0,
                            new Break(
                                    file,
                                    e.number,
                                    "a line longer than " + AuditLines.MAX_LINE_BYTES
                                            + " bytes: not written by the gateway"));
                }
                if (line == null) {
                    previousFile = file;
                    return new FileResult(good, first, last, scanner.end(), scanner.tail(), null);
                }
                Link link;
                try {
                    link = codec.link(line.bytes());
                } catch (BadLine e) {
                    return new FileResult(
                            good,
                            first,
                            last,
                            line.offset(),
                            0,
                            new Break(file, line.number(), String.valueOf(e.getMessage())));
                }
                String problem = problem(link, line.number() == 1);
                if (problem != null) {
                    return new FileResult(good, first, last, line.offset(), 0, new Break(file, line.number(), problem));
                }
                good++;
                seq = link.seq();
                hash = link.hash();
                first = first == null ? link.time() : first;
                last = link.time();
                each.accept(link);
            }
        }
    }

    private @Nullable String problem(Link link, boolean firstInFile) {
        long expected = seq + 1;
        if (link.seq() > expected) {
            return "sequence gap: expected seq " + expected + ", found " + link.seq() + " ("
                    + range(expected, link.seq() - 1) + " missing: lines deleted or moved"
                    + (firstInFile ? ", or a file before this one removed" : "") + ")";
        }
        if (link.seq() < expected) {
            return "out of order: expected seq " + expected + ", found " + link.seq()
                    + " (a line repeated or moved here)";
        }
        if (!link.prev().equals(hash)) {
            if (!firstInFile) {
                return "bad link: its prev does not match the hash of the line before (that line was rewritten, or this one"
                        + " replaced)";
            }
            return previousFile == null
                    ? "bad link: the chain's first line must have a prev of 64 zeros, found " + link.prev()
                    : "bad link between files: its prev " + link.prev() + " is not the hash of the last line of "
                            + previousFile.getFileName() + " (" + hash
                            + "): that file's end was changed, or this file replaced";
        }
        return null;
    }

    private static String range(long from, long to) {
        return from == to ? "seq " + from : "seq " + from + ".." + to;
    }
}
