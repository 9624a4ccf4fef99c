package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records refused calls in the audit log without making them wait for durability: the answer leaves at once. At
 * most {@code maxPending} records are on their way at a time, so a flood of bad requests cannot grow memory
 * without bound; refusals past that are counted, and the next record that gets through says how many were
 * dropped ({@code details.dropped}).
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final AuditLog log;
    private final int maxPending;
    private final Clock clock;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    RefusalLog(AuditLog log, int maxPending, Clock clock) {
        this.log = log;
        this.maxPending = maxPending;
        this.clock = clock;
    }

    /**
     * @param actor the credential's id, the caller's subject, or {@code unknown}
     * @param source the client's address
     * @param target the path asked for
     * @param outcome {@link AuditEvent#FAILURE} for authentication, {@link AuditEvent#DENIED} for access
     */
    void record(AuditKind kind, String actor, String source, String target, String outcome, String reason) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            if (dropped.getAndIncrement() % 1_000 == 0) {
                LOG.warn("Audit records of refused calls are arriving faster than the log writes them; dropping some");
            }
            return;
        }
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            details.put("dropped", lost);
        }
        AuditEvent event = new AuditEvent(clock.instant(), kind, actor, source, target, outcome, details);
        try {
            log.append(event).whenComplete((done, failure) -> {
                pending.decrementAndGet();
                if (failure != null) {
                    LOG.warn("Cannot record a refused call in the audit log: {}", failure.toString());
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            LOG.warn("Cannot record a refused call in the audit log: {}", e.toString());
        }
    }
}
