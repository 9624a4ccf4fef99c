package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.BrokenItem;
import io.meshcatalog.graph.lineage.ChangeImpactReport;
import io.meshcatalog.graph.lineage.DatasetView;
import io.meshcatalog.graph.lineage.DescriptorCheckReport;
import io.meshcatalog.graph.lineage.FacetCount;
import io.meshcatalog.graph.lineage.FieldView;
import io.meshcatalog.graph.lineage.HiddenItems;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.LineageEdge;
import io.meshcatalog.graph.lineage.LineageNode;
import io.meshcatalog.graph.lineage.LineageResult;
import io.meshcatalog.graph.lineage.Member;
import io.meshcatalog.graph.lineage.NodeKey;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.Owner;
import io.meshcatalog.graph.lineage.ProductRevision;
import io.meshcatalog.graph.lineage.ProductView;
import io.meshcatalog.graph.lineage.SchemaChange;
import io.meshcatalog.graph.lineage.SearchHit;
import io.meshcatalog.graph.lineage.SearchPage;
import io.meshcatalog.graph.lineage.TeamToNotify;
import io.meshcatalog.graph.vocabulary.CatalogDataset;
import io.meshcatalog.graph.vocabulary.CatalogField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The store's records in the shape of the catalog SDL. Maps keyed by SDL field name keep the
 * schema the single description of the API: graphql-java reads them with its default fetcher, and
 * entities carry {@code __typename} for the federation type resolver.
 */
final class CatalogViews {

    static final String TYPENAME = "__typename";

    private CatalogViews() {}

    static Map<String, @Nullable Object> product(ProductView p) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put(TYPENAME, "DataProduct");
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("status", p.status());
        out.put("visibility", p.visibility());
        out.put("version", p.version().isEmpty() ? null : p.version());
        out.put("tags", p.tags());
        out.put("description", Map.of("purpose", p.purpose(), "limitations", p.limitations(), "usage", p.usage()));
        Owner owner = p.owners().isEmpty() ? null : p.owners().get(0);
        out.put("owner", owner == null ? null : team(owner));
        out.put("ownerInherited", owner != null && owner.inherited());
        return out;
    }

    static Map<String, @Nullable Object> dataset(DatasetView d) {
        return dataset(d.id(), d.name(), d.physicalName(), d.description(), d.tags(), d.product());
    }

    static Map<String, @Nullable Object> dataset(CatalogDataset d) {
        return dataset(d.id(), d.name(), d.physicalName(), d.description(), d.tags(), d.productId());
    }

    private static Map<String, @Nullable Object> dataset(
            String id,
            String name,
            String physicalName,
            String description,
            List<String> tags,
            @Nullable String productId) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put(TYPENAME, "Dataset");
        out.put("id", id);
        out.put("name", name);
        out.put("physicalName", physicalName);
        out.put("description", description);
        out.put("tags", tags);
        out.put("productId", productId);
        return out;
    }

    /**
     * A field no descriptor declares, as lineage reported it, in the vocabulary's {@code Field} shape: what only a
     * descriptor says (required, primary key, transformation) reads as ODCS's defaults.
     */
    static CatalogField reportedField(FieldView f) {
        return new CatalogField(
                f.id(),
                f.name(),
                f.logicalType(),
                f.description(),
                f.classification(),
                f.criticalDataElement(),
                false,
                false,
                f.tags(),
                f.derivedFrom(),
                "",
                f.examples());
    }

    static Map<String, @Nullable Object> field(FieldView f) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("ref", f.id());
        out.put("name", f.name());
        out.put("logicalType", f.logicalType());
        out.put("physicalType", f.physicalType());
        out.put("businessName", f.businessName());
        out.put("description", f.description());
        out.put("classification", f.classification());
        out.put("criticalDataElement", f.criticalDataElement());
        out.put("tags", f.tags());
        out.put("derivedFrom", f.derivedFrom());
        out.put("placeholder", f.placeholder());
        out.put("datasetId", f.dataset());
        return out;
    }

    static Map<String, Object> team(Owner owner) {
        return Map.of("name", owner.team(), "description", owner.description(), "members", members(owner.members()));
    }

    static List<Map<String, Object>> members(List<Member> members) {
        return members.stream()
                .map(m -> Map.<String, Object>of("username", m.username(), "name", m.name(), "role", m.role()))
                .toList();
    }

    static Map<String, @Nullable Object> node(LineageNode n) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("kind", n.kind().name());
        out.put("id", n.id());
        out.put("name", n.name());
        out.put("domain", n.domain());
        out.put("degree", n.degree());
        out.put("path", n.path());
        out.put("external", n.external());
        out.put("productId", n.productId());
        out.put("retired", n.retired());
        return out;
    }

    static List<Map<String, @Nullable Object>> nodes(List<LineageNode> nodes) {
        return nodes.stream().map(CatalogViews::node).toList();
    }

    static List<Map<String, Object>> edges(List<LineageEdge> edges) {
        return edges.stream()
                .map(e -> Map.<String, Object>of(
                        "from",
                        item(e.from()),
                        "to",
                        item(e.to()),
                        "kind",
                        e.kind().name()))
                .toList();
    }

    private static Map<String, Object> item(NodeKey key) {
        return Map.of("kind", key.kind().name(), "id", key.id());
    }

    static Map<String, Object> lineage(LineageResult result) {
        return Map.of(
                "depth",
                result.depth(),
                "nodes",
                nodes(result.nodes()),
                "edges",
                edges(result.edges()),
                "truncated",
                result.truncated(),
                "hidden",
                hidden(result.hidden()));
    }

    static Map<String, Object> impact(ImpactReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("depth", report.depth());
        // each node's map is made once: the lists by kind hold the same maps as nodes
        List<Map<String, @Nullable Object>> nodes = nodes(report.nodes());
        out.put("nodes", nodes);
        out.put("edges", edges(report.edges()));
        out.put("products", ofKind(nodes, NodeKind.PRODUCT));
        out.put("datasets", ofKind(nodes, NodeKind.DATASET));
        out.put("fields", ofKind(nodes, NodeKind.FIELD));
        out.put("consumers", ofKind(nodes, NodeKind.CONSUMER));
        out.put("ownersToNotify", teams(report.ownersToNotify()));
        out.put("truncated", report.truncated());
        out.put("hidden", hidden(report.hidden()));
        return out;
    }

    private static List<Map<String, @Nullable Object>> ofKind(
            List<Map<String, @Nullable Object>> nodes, NodeKind kind) {
        return nodes.stream()
                .filter(node -> kind.name().equals(node.get("kind")))
                .toList();
    }

    static List<Map<String, Object>> teams(List<TeamToNotify> teams) {
        return teams.stream()
                .map(t -> Map.<String, Object>of(
                        "team",
                        t.team(),
                        "members",
                        members(t.members()),
                        "affected",
                        t.affected(),
                        "nearestDegree",
                        t.nearestDegree(),
                        "hiddenAffected",
                        t.hiddenAffected()))
                .toList();
    }

    /** What an answer leaves out, per team: "3 hidden items owned by crm-team". */
    static List<Map<String, @Nullable Object>> hidden(List<HiddenItems> hidden) {
        return hidden.stream()
                .map(h -> {
                    Map<String, @Nullable Object> out = new LinkedHashMap<>();
                    out.put("team", h.team());
                    out.put("count", h.count());
                    return out;
                })
                .toList();
    }

    static Map<String, Object> changeImpact(ChangeImpactReport report) {
        List<Map<String, Object>> breaks = new ArrayList<>();
        for (BrokenItem item : report.breaks()) {
            breaks.add(Map.of("node", node(item.node()), "because", item.because()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("breaks", breaks);
        out.put("ownersToNotify", teams(report.ownersToNotify()));
        out.put("notes", report.notes());
        out.put("truncated", report.truncated());
        out.put("hidden", hidden(report.hidden()));
        return out;
    }

    static Map<String, Object> check(DescriptorCheckReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", report.domain());
        out.put("breaking", report.breaking());
        out.put("productsNotCompared", report.productsNotCompared());
        out.put("changes", changes(report.changes()));
        out.putAll(changeImpact(report.impact()));
        return out;
    }

    static Map<String, @Nullable Object> revision(ProductRevision r) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("number", r.number());
        out.put("at", r.at().toString());
        out.put("declaredVersion", r.declaredVersion());
        out.put("contentHash", r.contentHash());
        out.put("changes", changes(r.changes()));
        out.put("descriptor", r.descriptor());
        out.put("previousDescriptor", r.previousDescriptor());
        out.put("harvest", r.harvest());
        return out;
    }

    static List<Map<String, Object>> changes(List<SchemaChange> changes) {
        return changes.stream()
                .map(c -> Map.<String, Object>of(
                        "kind",
                        c.kind().name(),
                        "subject",
                        c.subject(),
                        "before",
                        c.before(),
                        "after",
                        c.after(),
                        "breaking",
                        c.breaking(),
                        "why",
                        c.why()))
                .toList();
    }

    static Map<String, Object> searchPage(SearchPage page) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < page.hits().size(); i++) {
            edges.add(Map.of(
                    "cursor",
                    Cursor.of(page.offset() + i),
                    "node",
                    hit(page.hits().get(i))));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.hasMore());
        pageInfo.put(
                "endCursor",
                edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String facet : List.of("kind", "domain", "owner", "tag", "classification", "status", "health")) {
            facets.put(
                    facet,
                    page.facets().getOrDefault(facet, List.of()).stream()
                            .map(CatalogViews::facet)
                            .toList());
        }
        return Map.of(
                "edges",
                edges,
                "pageInfo",
                pageInfo,
                "totalCount",
                page.total(),
                "totalCapped",
                page.totalCapped(),
                "facets",
                facets);
    }

    private static Map<String, Object> facet(FacetCount count) {
        return Map.of("value", count.value(), "count", count.count());
    }

    private static Map<String, @Nullable Object> hit(SearchHit h) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("kind", h.kind().name());
        out.put("id", h.id());
        out.put("name", h.name());
        out.put("description", h.description());
        out.put("score", h.score());
        out.put("productId", h.product());
        out.put("health", h.health().name());
        out.put("domain", h.domain());
        out.put("status", h.status());
        out.put("owner", h.owner());
        out.put("tags", h.tags());
        out.put("classifications", h.classifications());
        return out;
    }
}
