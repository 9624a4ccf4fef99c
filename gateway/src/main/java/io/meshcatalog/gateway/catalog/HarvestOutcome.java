package io.meshcatalog.gateway.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What harvesting one subgraph did: its products created, updated (a new revision each), unchanged and retired (no
 * longer declared), or why it failed; a failed subgraph's products stay as last harvested.
 */
public record HarvestOutcome(String subgraph, boolean ok, @Nullable String domain, int created, int updated,
    int unchanged, int retired, @Nullable String error) {

  static HarvestOutcome ok(String subgraph, String domain, int created, int updated, int unchanged, int retired) {
    return new HarvestOutcome(subgraph, true, domain, created, updated, unchanged, retired, null);
  }

  static HarvestOutcome failed(String subgraph, String error) {
    return new HarvestOutcome(subgraph, false, null, 0, 0, 0, 0, error);
  }

  Map<String, @Nullable Object> toMap() {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("subgraph", subgraph);
    out.put("status", ok ? "OK" : "FAILED");
    out.put("domain", domain);
    out.put("created", created);
    out.put("updated", updated);
    out.put("unchanged", unchanged);
    out.put("retired", retired);
    out.put("error", error);
    return out;
  }
}
