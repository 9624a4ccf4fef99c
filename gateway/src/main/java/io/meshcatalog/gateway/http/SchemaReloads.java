package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.supergraph.Subgraph;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves each new supergraph a source hands over, and records the change in the audit log
 * ({@link AuditKind#SCHEMA_RELOADED}): the subgraphs added and removed, how many are served, and the SHA-256 of the
 * new supergraph SDL, so a SIEM can tell what the gateway served from when. The new supergraph is served first:
 * a log that cannot write does not keep a good change from being served, and says so in the gateway's log.
 */
final class SchemaReloads implements SupergraphSource.Served {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaReloads.class);

    private final Gateway gateway;
    private final AuditLog audit;
    private final Clock clock;

    SchemaReloads(Gateway gateway, AuditLog audit, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void serve(Supergraph supergraph, String sdl) {
        List<String> before = names(gateway.supergraph());
        gateway.use(supergraph);
        audit.append(event(before, names(supergraph), sdl, clock.instant())).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("The audit log did not record the supergraph change: {}", failure.getMessage());
            }
        });
    }

    /** The record of a change from the subgraphs {@code before} to {@code after}, now serving {@code sdl}. */
    static AuditEvent event(List<String> before, List<String> after, String sdl, Instant at) {
        return new AuditEvent(
                at,
                AuditKind.SCHEMA_RELOADED,
                "gateway",
                "",
                "supergraph",
                AuditEvent.SUCCESS,
                Map.of(
                        "added",
                                after.stream()
                                        .filter(name -> !before.contains(name))
                                        .toList(),
                        "removed",
                                before.stream()
                                        .filter(name -> !after.contains(name))
                                        .toList(),
                        "subgraphs", after.size(),
                        "sha256", DigestUtils.sha256Hex(sdl)));
    }

    private static List<String> names(Supergraph supergraph) {
        return supergraph.subgraphs().stream().map(Subgraph::name).toList();
    }
}
