package io.meshcatalog.gateway.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What harvesting one subgraph did: its products created, updated (a new revision each), unchanged and retired (no
 * longer declared), or why it failed (a failed subgraph's products stay as last harvested), or why it was not tried
 * (another gateway on the same graph harvests the domain, or did so within the harvest interval).
 */
public record HarvestOutcome(
        String subgraph,
        Status status,
        @Nullable String domain,
        int created,
        int updated,
        int unchanged,
        int retired,
        @Nullable String error) {

    /** The schema's {@code HarvestStatus}. */
    public enum Status {
        OK,
        FAILED,
        SKIPPED
    }

    static HarvestOutcome ok(String subgraph, String domain, int created, int updated, int unchanged, int retired) {
        return new HarvestOutcome(subgraph, Status.OK, domain, created, updated, unchanged, retired, null);
    }

    static HarvestOutcome failed(String subgraph, String error) {
        return new HarvestOutcome(subgraph, Status.FAILED, null, 0, 0, 0, 0, error);
    }

    static HarvestOutcome skipped(String subgraph, String domain, String reason) {
        return new HarvestOutcome(subgraph, Status.SKIPPED, domain, 0, 0, 0, 0, reason);
    }

    boolean ok() {
        return status == Status.OK;
    }

    Map<String, @Nullable Object> toMap() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("subgraph", subgraph);
        out.put("status", status.name());
        out.put("domain", domain);
        out.put("created", created);
        out.put("updated", updated);
        out.put("unchanged", unchanged);
        out.put("retired", retired);
        out.put("error", error);
        return out;
    }

    /** The outcome as a metric tag: ok, failed or skipped. */
    String tag() {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
