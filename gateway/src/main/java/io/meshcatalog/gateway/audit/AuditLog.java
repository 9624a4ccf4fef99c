package io.meshcatalog.gateway.audit;

import java.util.concurrent.CompletableFuture;

/**
 * Where every act is recorded. {@link #append} completes once the event is durable, so a write's answer can wait
 * for its record without blocking a thread: an acknowledged write is in the log before its answer leaves.
 */
public interface AuditLog {

    /** Records nothing: for tools and tests that run without a log. */
    AuditLog NONE = event -> CompletableFuture.completedFuture(null);

    /** Appends {@code event}; the future completes when it is durable, or fails when it cannot be written. */
    CompletableFuture<Void> append(AuditEvent event);
}
