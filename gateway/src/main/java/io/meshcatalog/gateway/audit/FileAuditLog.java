package io.meshcatalog.gateway.audit;

import io.meshcatalog.gateway.audit.AuditLines.Encoded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as hash-chained JSON lines in files of bounded size ({@link AuditLines} has the format). One writer
 * thread takes every append waiting in a bounded queue, writes them together and forces them to disk with one
 * {@code fsync} (group commit), then completes their futures: an acknowledged event is on disk, and durability costs
 * one {@code fsync} per batch rather than per event. A full queue makes {@link #append} wait for room, never grow.
 * After a failed write or {@code fsync} every append fails (the caller's write then fails too), since what is on
 * disk is no longer known. {@link #close} writes what is queued, then releases the directory.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
    private static final int MAX_BATCH = 1024;
    private static final Pending STOP = new Pending(
            new AuditEvent(Instant.EPOCH, AuditKind.SCHEMA_RELOADED, "", "", "", "", Map.of()),
            new CompletableFuture<>());

    /** The last durable line: its number (0 before any) and hash. */
    public record Head(long seq, String hash) {}

    private record Pending(AuditEvent event, CompletableFuture<Void> done) {}

    private final AuditSettings settings;
    private final AuditLines codec;
    private final FileLock lock;
    private final BlockingQueue<Pending> queue;
    /** Appends hold it shared while they queue, {@link #close} exclusively while it refuses further appends. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    private final Thread writer;
    private boolean closed;
    private volatile Head durable;
    private volatile @Nullable IOException failure;
    // the writer thread's own
    private FileChannel channel;
    private Path file;
    private long size;
    private long seq;
    private String hash;

    private FileAuditLog(
            AuditSettings settings, AuditLines codec, FileLock lock, FileChannel channel, AuditRecovery.Start start)
            throws IOException {
        this.settings = settings;
        this.codec = codec;
        this.lock = lock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.channel = channel;
        this.file = start.file();
        this.size = channel.size();
        this.seq = start.seq();
        this.hash = start.hash();
        this.durable = new Head(seq, hash);
        this.writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens the log in {@code settings.dir()} (created readable by the owner only), continuing the chain after the
     * last line of its newest file.
     *
     * @throws IllegalStateException when another gateway writes there, or the newest file does not verify
     * @throws UncheckedIOException when the directory cannot be read or written
     */
    public static FileAuditLog open(AuditSettings settings) {
        Path dir = settings.dir();
        try {
            AuditFiles.createDirectory(dir);
            FileLock lock = AuditFiles.lock(dir);
            try {
                AuditLines codec = new AuditLines(JsonMapper.builder().build());
                AuditRecovery.Start start = AuditRecovery.recover(dir, codec);
                FileChannel channel = Files.exists(start.file())
                        ? FileChannel.open(start.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : AuditFiles.create(start.file());
                FileAuditLog log = new FileAuditLog(settings, codec, lock, channel, start);
                LOG.info(
                        "Audit log: {}, continuing after seq {} (head {})",
                        dir.toAbsolutePath(),
                        start.seq(),
                        start.hash());
                return log;
            } catch (IOException | RuntimeException e) {
                release(lock);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the audit log in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queues {@code event}; the future completes once its line is forced to disk, or fails when the log cannot write
     * it (or is closed). Waits while the queue is full. The future completes on the writer thread, so what depends on
     * it directly runs there, delaying the next batch: keep such steps short (hand an answer to its channel), or use
     * the {@code *Async} stages. An append made there never waits (it would wait for itself): with the queue full, it
     * fails.
     */
    @Override
    public CompletableFuture<Void> append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        CompletableFuture<Void> done = new CompletableFuture<>();
        gate.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the audit log is closed"));
            }
            IOException failed = failure;
            if (failed != null) {
                return CompletableFuture.failedFuture(unwritable(failed));
            }
            Pending pending = new Pending(event, done);
            if (Thread.currentThread() != writer) {
                queue.put(pending);
            } else if (!queue.offer(pending)) {
                return CompletableFuture.failedFuture(new IllegalStateException("the audit log's queue is full, and an "
                        + "append on its writer thread cannot wait for room: append from another thread"));
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** The last line on disk: record its hash elsewhere to compare with {@code --verify-audit --expect-head} later. */
    public Head head() {
        return durable;
    }

    /** Pages through this log, up to what is on disk. */
    public AuditReader reader() {
        return new AuditReader(settings.dir(), () -> durable.seq());
    }

    /** Writes every queued append, then closes the file and releases the directory; later appends fail. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(STOP);
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        release(lock);
        Head head = durable;
        LOG.info("Audit log closed after seq {}, head {}", head.seq(), head.hash());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread but close, which sends STOP instead
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            // close queues STOP after every other append (it refuses new ones first), so it comes last
            stop = batch.remove(STOP);
            write(batch);
            batch.clear();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed", file, e);
        }
    }

    /** Writes and forces one batch, rotating when a line would take the file past its size; then acknowledges. */
    private void write(List<Pending> batch) {
        IOException failed = failure;
        if (failed != null) {
            batch.forEach(pending -> pending.done().completeExceptionally(unwritable(failed)));
            return;
        }
        List<ByteBuffer> lines = new ArrayList<>(batch.size());
        long pendingBytes = 0;
        try {
            for (Pending pending : batch) {
                Encoded line;
                try {
                    line = codec.encode(seq + 1, hash, pending.event());
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(e);
                    continue;
                }
                if (size + pendingBytes > 0 && size + pendingBytes + line.bytes().length > settings.maxFileBytes()) {
                    flush(lines, pendingBytes);
                    pendingBytes = 0;
                    rotate();
                }
                lines.add(ByteBuffer.wrap(line.bytes()));
                pendingBytes += line.bytes().length;
                seq++;
                hash = line.hash();
            }
            flush(lines, pendingBytes);
            durable = new Head(seq, hash);
            // a no-op for an event that could not be encoded: its future has failed already
            batch.forEach(pending -> pending.done().complete(null));
        } catch (IOException | RuntimeException e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            failure = cause;
            LOG.error(
                    "The audit log cannot be written ({}): every append fails from now on; check {} and restart",
                    file,
                    settings.dir(),
                    e);
            batch.forEach(pending -> pending.done().completeExceptionally(unwritable(cause)));
        }
    }

    private void flush(List<ByteBuffer> lines, long bytes) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        ByteBuffer[] buffers = lines.toArray(ByteBuffer[]::new);
        long left = bytes;
        while (left > 0) {
            left -= channel.write(buffers);
        }
        channel.force(false);
        size += bytes;
        lines.clear();
    }

    private void rotate() throws IOException {
        channel.close();
        long next = AuditFiles.number(file).orElseThrow() + 1;
        file = settings.dir().resolve(AuditFiles.name(next));
        channel = AuditFiles.create(file);
        size = 0;
        LOG.info("Audit log continues in {} after seq {}", file, seq);
    }

    private static UncheckedIOException unwritable(IOException cause) {
        return new UncheckedIOException("the audit log cannot be written: " + cause.getMessage(), cause);
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("releasing the audit log's lock failed", e);
        }
    }
}
