package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.audit.AuditRecord;
import io.meshcatalog.graph.lineage.AccessRequest;
import io.meshcatalog.graph.lineage.GovernanceFinding;
import io.meshcatalog.graph.lineage.GovernanceReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access requests, governance findings and audit events in the shape of the catalog SDL (maps keyed by field name,
 * read by graphql-java's default fetcher), like {@link CatalogViews} for the lineage answers.
 */
final class GovernanceViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GovernanceViews() {}

    static Map<String, @Nullable Object> request(AccessRequest r) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("productId", r.productId());
        out.put("requester", r.requester());
        out.put("team", r.team());
        out.put("grantee", r.grantee());
        out.put("purpose", r.purpose());
        out.put("until", r.until().toString());
        out.put("status", r.status().name());
        out.put("requestedAt", r.requestedAt().toString());
        out.put("decidedBy", r.decidedBy());
        out.put("decidedAt", text(r.decidedAt()));
        out.put("revokedBy", r.revokedBy());
        out.put("revokedAt", text(r.revokedAt()));
        out.put("note", r.note());
        return out;
    }

    static List<Map<String, @Nullable Object>> requests(List<AccessRequest> requests) {
        return requests.stream().map(GovernanceViews::request).toList();
    }

    static Map<String, Object> report(GovernanceReport report) {
        return Map.of(
                "findings",
                report.findings().stream().map(GovernanceViews::finding).toList(),
                "flagged",
                report.flagged().size(),
                "truncated",
                report.truncated());
    }

    private static Map<String, @Nullable Object> finding(GovernanceFinding f) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("consumer", f.consumer());
        out.put("consumerName", f.consumerName());
        out.put("destination", f.destination());
        out.put("purpose", f.purpose());
        out.put("consumerTeam", f.consumerTeam());
        out.put("piiField", f.piiField());
        out.put("product", f.product());
        out.put("productTeam", f.productTeam());
        out.put("path", f.path());
        out.put("compliant", f.compliant());
        out.put("grant", f.grant());
        out.put("teamsToTell", f.teamsToTell());
        return out;
    }

    /** An audit event as an edge of {@code auditEvents}: its details as key and text, lists as JSON text. */
    static Map<String, Object> auditEdge(AuditRecord record) {
        Map<String, @Nullable Object> node = new LinkedHashMap<>();
        node.put("time", record.event().at().toString());
        node.put("kind", record.event().kind().name());
        node.put("actor", record.event().actor());
        node.put("source", record.event().source());
        node.put("target", record.event().target());
        node.put("outcome", record.event().outcome());
        List<Map<String, @Nullable Object>> details = new ArrayList<>();
        record.event().details().forEach((key, value) -> {
            Map<String, @Nullable Object> detail = new LinkedHashMap<>();
            detail.put("key", key);
            detail.put(
                    "value",
                    value == null || value instanceof String
                            ? value
                            : value instanceof List<?> ? JSON.writeValueAsString(value) : String.valueOf(value));
            details.add(detail);
        });
        node.put("details", details);
        node.put("hash", record.hash());
        return Map.of("cursor", Cursor.ofSeq(record.seq()), "node", node);
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
