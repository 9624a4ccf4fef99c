package io.meshcatalog.gateway.audit;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how the log is written.
 *
 * @param dir the directory of the log's files
 * @param maxFileBytes a file is closed, and the next one started, before a line would take it past this size
 * @param queueCapacity how many appends may wait for the writer; beyond that, appends wait for room
 */
public record AuditSettings(Path dir, long maxFileBytes, int queueCapacity) {

    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    public AuditSettings {
        if (maxFileBytes < AuditLines.MAX_LINE_BYTES) {
            throw new IllegalArgumentException("audit.max-file-size must be at least " + AuditLines.MAX_LINE_BYTES
                    + " bytes (the longest line), was " + maxFileBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("audit.queue-capacity must be at least 1, was " + queueCapacity);
        }
    }

    /** The defaults in {@code dir}. */
    public static AuditSettings in(Path dir) {
        return new AuditSettings(dir, DEFAULT_MAX_FILE_BYTES, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * {@code <data dir>/audit}, the data dir being {@code MESH_DATA_DIR} or {@code ./data}, as for the embedded
     * Neo4j ({@code <data dir>/neo4j}).
     */
    public static Path defaultDir(Map<String, String> env) {
        String data = env.get("MESH_DATA_DIR");
        return (data == null || data.isBlank() ? Path.of("data") : Path.of(data)).resolve("audit");
    }
}
