package io.meshcatalog.gateway.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One act, as the audit log records it.
 *
 * @param at when it happened
 * @param kind what kind of act
 * @param actor who: a caller's subject, {@code anonymous}, or the gateway itself ({@code gateway})
 * @param source the client's address; empty for the gateway's own acts
 * @param target what it was done to: a product id, a subgraph, an API key id, a route …
 * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param details more facts, short values only (counts, reasons, the credential's id); never a secret
 */
public record AuditEvent(
        Instant at,
        AuditKind kind,
        String actor,
        String source,
        String target,
        String outcome,
        Map<String, @Nullable Object> details) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    public AuditEvent {
        // an absent fact is kept as null (Map.copyOf refuses nulls)
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
