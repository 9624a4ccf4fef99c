package io.meshcatalog.gateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The log's directory: files named in order ({@code audit-000001.jsonl}, …), readable by the owner only where the
 * file system has POSIX permissions, and a lock file so two gateways never write one chain.
 */
final class AuditFiles {

    static final String LOCK = "audit.lock";
    private static final Pattern NAME = Pattern.compile("audit-(\\d{6,18})\\.jsonl");
    private static final Set<StandardOpenOption> CREATE_NEW =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private AuditFiles() {}

    static String name(long number) {
        return String.format(Locale.ROOT, "audit-%06d.jsonl", number);
    }

    /** The number in a log file's name; empty for any other file. */
    static OptionalLong number(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The log's files, oldest first; other files in the directory are ignored. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(file -> number(file).isPresent()).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(file -> number(file).orElseThrow()));
        return files;
    }

    /** Creates the directory (and its parents) readable by the owner only; an existing one is left as it is. */
    static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
        }
    }

    /** Creates a new log file, readable and writable by the owner only, open for appending. */
    static FileChannel create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, CREATE_NEW, ownerOnly(file, "rw-------"));
        syncDirectory(file.getParent());
        return channel;
    }

    /** Makes a new file's name durable: without it a crash could lose a whole file of forced lines. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (and Windows) cannot open a directory; their metadata is journalled with the file's.
        }
    }

    /** Locks the directory for this process, or fails naming it when another gateway holds it. */
    static FileLock lock(Path dir) throws IOException {
        Path file = dir.resolve(LOCK);
        FileChannel channel = Files.exists(file)
                ? FileChannel.open(file, StandardOpenOption.WRITE)
                : FileChannel.open(
                        file,
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        ownerOnly(file, "rw-------"));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the audit log in " + dir + " is in use by another gateway (" + file
                    + " is locked): give each gateway its own audit.dir");
        }
        return lock;
    }

    /** The last line of a complete file (one that ends with a newline), without its newline; null when empty. */
    static byte @Nullable [] lastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return null;
            }
            int length = (int) Math.min(size, AuditLines.MAX_LINE_BYTES + 1L);
            ByteBuffer tail = ByteBuffer.allocate(length);
            long position = size - length;
            while (tail.hasRemaining()) {
                if (channel.read(tail, position + tail.position()) < 0) {
                    throw new IOException(file + " shrank while being read");
                }
            }
            byte[] bytes = tail.array();
            if (bytes[length - 1] != '\n') {
                throw new IOException(file + " ends with an unterminated line at offset "
                        + (lastNewline(bytes, length - 1) + 1 + position));
            }
            int start = lastNewline(bytes, length - 2) + 1;
            if (start == 0 && position > 0) {
                throw new IOException(file + " ends with a line longer than " + AuditLines.MAX_LINE_BYTES + " bytes");
            }
            return Arrays.copyOfRange(bytes, start, length - 1);
        }
    }

    /** The index of the last newline at or before {@code from}; -1 when there is none. */
    private static int lastNewline(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }
}
