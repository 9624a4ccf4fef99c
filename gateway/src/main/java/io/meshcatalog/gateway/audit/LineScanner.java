package io.meshcatalog.gateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A file's complete lines in order, with their byte offsets and line numbers, holding at most one buffer of the
 * file in memory: a 64MB log is read without loading it. Bytes after the last newline are not a line (an append in
 * progress, or one the process never finished); {@link #end()} says where they start.
 */
final class LineScanner implements AutoCloseable {

    /** One line without its newline; {@code number} counts from 1 at the offset the scan started. */
    record Line(byte[] bytes, long offset, long number) {}

    /** A line longer than the longest a writer writes. */
    static final class TooLong extends IOException {

        private static final long serialVersionUID = 1L;
        final long offset;
        final long number;

        TooLong(long offset, long number) {
            super("a line longer than " + AuditLines.MAX_LINE_BYTES + " bytes", null);
            this.offset = offset;
            this.number = number;
        }
    }

    private final FileChannel channel;
    private final byte[] buffer;
    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;

    private int start;
    private int limit;
    private long number;
    private boolean eof;

    LineScanner(Path file, long from) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.buffer = new byte[Math.max(64 * 1024, AuditLines.MAX_LINE_BYTES + 1)];
        this.bufferOffset = from;
        channel.position(from);
    }

    /** The next complete line, or null when only an unterminated tail (or nothing) is left. */
    @Nullable
    Line next() throws IOException {
        int from = start;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    Line line = new Line(Arrays.copyOfRange(buffer, start, i), bufferOffset + start, ++number);
                    start = i + 1;
                    return line;
                }
            }
            if (limit - start >= AuditLines.MAX_LINE_BYTES) {
                throw new TooLong(bufferOffset + start, number + 1);
            }
            int scanned = limit - start;
            if (eof || !fill()) {
                return null;
            }
            from = start + scanned;
        }
    }

    /** The offset just after the last complete line returned: where an unterminated tail starts. */
    long end() {
        return bufferOffset + start;
    }

    /** How many bytes follow the last complete line, as far as read. */
    long tail() {
        return limit - start;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the file. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            bufferOffset += start;
            limit -= start;
            start = 0;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (read <= 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
