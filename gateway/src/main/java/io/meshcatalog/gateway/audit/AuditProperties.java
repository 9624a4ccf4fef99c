package io.meshcatalog.gateway.audit;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code audit.*} settings, bound as Spring Boot binds them in both starts.
 *
 * @param dir the log's directory (default {@code <data dir>/audit}: {@code $MESH_DATA_DIR/audit} or
 *     {@code ./data/audit})
 * @param maxFileSize the size at which a file is closed and the next one started (64MB)
 * @param queueCapacity appends that may wait for the writer before further appends wait for room (10,000)
 */
@ConfigurationProperties("audit")
public record AuditProperties(
        @Nullable Path dir,
        @Nullable DataSize maxFileSize,
        @Nullable Integer queueCapacity) {

    /** The settings these properties give, {@code env} supplying {@code MESH_DATA_DIR}. */
    public AuditSettings settings(Map<String, String> env) {
        return new AuditSettings(
                dir == null ? AuditSettings.defaultDir(env) : dir,
                maxFileSize == null ? AuditSettings.DEFAULT_MAX_FILE_BYTES : maxFileSize.toBytes(),
                queueCapacity == null ? AuditSettings.DEFAULT_QUEUE_CAPACITY : queueCapacity);
    }
}
