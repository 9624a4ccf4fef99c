package io.meshcatalog.gateway.audit;

import io.meshcatalog.gateway.audit.AuditLines.BadLine;
import io.meshcatalog.gateway.audit.AuditLines.Link;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through the log in {@code seq} order, for admins (the GraphQL field {@code auditEvents(after, kinds,
 * actor)}): the sequence number is the cursor, so a page is found by a binary search over the files' first lines
 * and then over byte offsets inside one file, never by reading the log from the start, and a page reads at most
 * {@link #MAX_SCANNED} lines whatever the filters. Only events already on disk are returned, and every line read is
 * checked against its hash. Safe to use from many threads while the log is written.
 */
public final class AuditReader {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The most lines one page reads: a filter that matches rarely ends the page early, with {@code more} set. */
    public static final int MAX_SCANNED = 10_000;
    /** Below this many bytes between the bounds of the offset search, lines are read one by one. */
    private static final long WINDOW = 64 * 1024;

    /**
     * One page.
     *
     * @param records the matching events, in {@code seq} order
     * @param cursor pass it as {@code after} for the next page: the last {@code seq} read (matching or not), or
     *     {@code after} when nothing was read
     * @param more whether events follow {@code cursor} on disk now (matching the filters or not)
     */
    public record Page(List<AuditRecord> records, long cursor, boolean more) {}

    private final Path dir;
    private final LongSupplier head;
    private final AuditLines codec = new AuditLines(JsonMapper.builder().build());

    /**
     * A reader of the log in {@code dir} up to line {@code head} (the last durable {@code seq}, as
     * {@link FileAuditLog#reader()} gives it); a log nobody writes can be read with {@code () -> Long.MAX_VALUE}.
     */
    public AuditReader(Path dir, LongSupplier head) {
        this.dir = dir;
        this.head = head;
    }

    /**
     * The events after {@code after} (0: from the first), of {@code kinds} (empty: any) by {@code actor} (null: anyone),
     * at most {@code limit} of them.
     *
     * @throws IllegalArgumentException when {@code after} is negative or {@code limit} outside 1..{@value #MAX_LIMIT}
     * @throws IllegalStateException when a line read does not verify (naming the file and offset)
     * @throws UncheckedIOException when the files cannot be read
     */
    public Page page(long after, Set<AuditKind> kinds, @Nullable String actor, int limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or a seq, was " + after);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        long last = head.getAsLong();
        try {
            return read(after, kinds, actor, limit, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Page read(long after, Set<AuditKind> kinds, @Nullable String actor, int limit, long last)
            throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        long cursor = after;
        if (after >= last) {
            return new Page(records, cursor, false);
        }
        List<Path> files = AuditFiles.list(dir);
        int scanned = 0;
        int firstFile = fileHolding(files, after + 1);
        for (int i = Math.max(firstFile, 0); i < files.size(); i++) {
            Path file = files.get(i);
            try (LineScanner scanner = new LineScanner(file, i == firstFile ? offsetOf(file, after + 1) : 0)) {
                LineScanner.Line line;
                while ((line = scanner.next()) != null) {
                    Link link = link(file, line);
                    if (link.seq() <= after) {
                        continue;
                    }
                    if (link.seq() > last) {
                        return new Page(records, cursor, false);
                    }
                    cursor = link.seq();
                    scanned++;
                    AuditRecord record = record(file, line, link);
                    if ((kinds.isEmpty() || kinds.contains(record.event().kind()))
                            && (actor == null || actor.equals(record.event().actor()))) {
                        records.add(record);
                    }
                    if (records.size() == limit || scanned == MAX_SCANNED) {
                        return new Page(records, cursor, cursor < last);
                    }
                }
            }
        }
        return new Page(records, cursor, false);
    }

    /** The index of the last file whose first line is {@code seq} or before; -1 when none is. */
    private int fileHolding(List<Path> files, long seq) throws IOException {
        int low = 0;
        int high = files.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Long first = firstSeq(files.get(mid));
            if (first != null && first <= seq) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private @Nullable Long firstSeq(Path file) throws IOException {
        try (LineScanner scanner = new LineScanner(file, 0)) {
            LineScanner.Line line = scanner.next();
            return line == null ? null : link(file, line).seq();
        }
    }

    /**
     * The offset of a line at or before the line numbered {@code seq} in {@code file} and at most {@link #WINDOW}
     * bytes and one line before it: a binary search over byte offsets, reading the first whole line after each probe.
     */
    private long offsetOf(Path file, long seq) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long low = 0;
            long high = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(2 * AuditLines.MAX_LINE_BYTES + 1);
            while (high - low > WINDOW) {
                long mid = (low + high) >>> 1;
                long[] probe = lineAfter(file, channel, mid - 1, buffer);
                if (probe == null || probe[1] > seq) {
                    high = mid;
                } else {
                    low = probe[0];
                }
            }
            return low;
        }
    }

    /** {offset, seq} of the first whole line starting after {@code position}; null when none does. */
    private long @Nullable [] lineAfter(Path file, FileChannel channel, long position, ByteBuffer buffer)
            throws IOException {
        buffer.clear();
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // read up to two lines' worth
        }
        byte[] bytes = buffer.array();
        int length = buffer.position();
        int start = indexOf(bytes, 0, length) + 1;
        int end = start == 0 ? -1 : indexOf(bytes, start, length);
        if (end < 0) {
            return null;
        }
        try {
            return new long[] {position + start, codec.seqOf(Arrays.copyOfRange(bytes, start, end))};
        } catch (BadLine e) {
            throw unreadable(file, position + start, e);
        }
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Link link(Path file, LineScanner.Line line) {
        try {
            return codec.link(line.bytes());
        } catch (BadLine e) {
            throw unreadable(file, line.offset(), e);
        }
    }

    private AuditRecord record(Path file, LineScanner.Line line, Link link) {
        try {
            return AuditLines.record(link);
        } catch (BadLine e) {
            throw unreadable(file, line.offset(), e);
        }
    }

    private static IllegalStateException unreadable(Path file, long offset, BadLine e) {
        return new IllegalStateException("the audit log's " + file + " at offset " + offset + ": " + e.getMessage()
                + " (java -jar gateway.jar --verify-audit tells more)");
    }
}
