package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorWriter;
import io.meshcatalog.graph.model.ProductStatus;
import io.meshcatalog.graph.model.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads products, datasets, fields, history and owners by id, as a viewer sees them: what it may not see reads as
 * absent, exactly like what does not exist.
 */
final class CatalogReader {

    private final Driver driver;
    private final CypherLog cypher;

    CatalogReader(Driver driver, CypherLog cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    Optional<ProductView> product(ViewerParameters viewer, String id) {
        List<Record> rows =
                cypher.read(driver, "product-by-id", viewer.with("id", id)).records();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Record row = rows.get(0);
        Value p = row.get("product");
        return Optional.of(new ProductView(
                id,
                p.get("name").asString(""),
                p.get("domain").asString(""),
                p.get("status").asString(""),
                p.get("visibility").asString(Visibility.DEFAULT.name()),
                p.get("version").asString(""),
                p.get("purpose").asString(""),
                p.get("limitations").asString(""),
                p.get("usage").asString(""),
                strings(p.get("tags")),
                strings(row.get("datasets")),
                strings(row.get("inputs")),
                strings(row.get("consumers")),
                productOwners(List.of(id)),
                p.get("contentHash").asString("")));
    }

    Optional<DatasetView> dataset(ViewerParameters viewer, String id) {
        List<Record> rows =
                cypher.read(driver, "dataset-by-id", viewer.with("id", id)).records();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Record row = rows.get(0);
        Value d = row.get("dataset");
        List<FieldView> fields = row.get("fields").asList(f -> field(f, viewer.viewer()));
        return Optional.of(new DatasetView(
                id,
                d.get("name").asString(""),
                d.get("domain").asString(""),
                row.get("product").isNull() ? null : row.get("product").asString(),
                d.get("physicalName").asString(""),
                d.get("description").asString(""),
                strings(d.get("tags")),
                fields,
                d.get("placeholder").asBoolean(false)));
    }

    /** Every stored descriptor: each holds all its domain's products, so only a viewer that sees everything reads them. */
    Map<String, String> descriptors(Viewer viewer) {
        requireEverything(viewer);
        Map<String, String> out = new LinkedHashMap<>();
        cypher.read(driver, "domain-descriptors", Map.of())
                .records()
                .forEach(row -> out.put(
                        row.get("domain").asString(), row.get("descriptorYaml").asString()));
        return out;
    }

    List<String> retiredDescriptors(Viewer viewer, int limit) {
        requireEverything(viewer);
        return cypher.read(driver, "retired-descriptors", Map.of("limit", limit)).records().stream()
                .map(row -> row.get("descriptor").asString())
                .toList();
    }

    /** The most items one statement of {@link #lifecycle} reads; more are read in several. */
    static final int LIFECYCLE_BATCH = 5_000;

    Map<NodeRef, Lifecycle> lifecycle(ViewerParameters viewer, Collection<NodeRef> nodes) {
        List<NodeRef> all = List.copyOf(new LinkedHashSet<>(nodes));
        Map<NodeRef, Lifecycle> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += LIFECYCLE_BATCH) {
            List<NodeRef> batch = all.subList(from, Math.min(all.size(), from + LIFECYCLE_BATCH));
            for (Record row : cypher.read(
                            driver,
                            "lifecycle",
                            viewer.with(
                                    "products",
                                    ids(batch, NodeKind.PRODUCT),
                                    "datasets",
                                    ids(batch, NodeKind.DATASET),
                                    "fields",
                                    ids(batch, NodeKind.FIELD)))
                    .records()) {
                if (row.get("status").isNull()) {
                    continue;
                }
                out.put(
                        new NodeRef(
                                NodeKind.valueOf(row.get("kind").asString()),
                                row.get("id").asString()),
                        new Lifecycle(
                                ProductStatus.valueOf(row.get("status").asString()),
                                row.get("retiredAt").isNull()
                                        ? null
                                        : row.get("retiredAt")
                                                .asOffsetDateTime()
                                                .toInstant(),
                                row.get("retiredBy").asString(null),
                                row.get("sunset").isNull()
                                        ? null
                                        : LocalDate.parse(row.get("sunset").asString())));
            }
        }
        return out;
    }

    private static List<String> ids(Collection<NodeRef> nodes, NodeKind kind) {
        return nodes.stream()
                .filter(n -> n.kind() == kind)
                .map(NodeRef::id)
                .distinct()
                .toList();
    }

    private static void requireEverything(Viewer viewer) {
        if (!viewer.everything()) {
            throw new IllegalArgumentException("stored descriptors hold every product of their domain; only a viewer "
                    + "that sees everything (the gateway itself, an admin) reads them");
        }
    }

    Optional<FieldView> field(ViewerParameters viewer, String id) {
        return cypher.read(driver, "field-by-id", viewer.with("id", id)).records().stream()
                .map(row -> field(row.get("field"), viewer.viewer()))
                .findFirst();
    }

    List<ProductRevision> history(ViewerParameters viewer, String productId, int limit) {
        return cypher
                .read(driver, "product-history", viewer.with("productId", productId, "limit", Math.max(1, limit)))
                .records()
                .stream()
                .map(row -> new ProductRevision(
                        row.get("number").asInt(),
                        row.get("at").asOffsetDateTime().toInstant(),
                        row.get("contentHash").asString(""),
                        row.get("declaredVersion").asString(""),
                        row.get("changes")
                                .asList(c -> new SchemaChange(
                                        SchemaChange.Kind.valueOf(c.get("kind").asString()),
                                        c.get("subject").asString(),
                                        c.get("before").asString(""),
                                        c.get("after").asString(""))),
                        masked(row.get("descriptor"), viewer.viewer()),
                        masked(row.get("previousDescriptor"), viewer.viewer()),
                        row.get("harvest").asString("")))
                .toList();
    }

    /** A revision's descriptor as the viewer may read it: without examples of fields it may not see examples of. */
    private static @Nullable String masked(Value descriptor, Viewer viewer) {
        if (descriptor.isNull() || viewer.everything()) {
            return descriptor.asString(null);
        }
        try {
            return new DescriptorWriter()
                    .write(
                            new DescriptorLoader().load("revision", descriptor.asString()),
                            ExampleAccess.shownTo(viewer));
        } catch (DescriptorException e) {
            // a snapshot that no longer loads is not shown rather than shown unmasked
            return null;
        }
    }

    /** The effective owner of each product, in the order of {@code productIds}. */
    List<Owner> productOwners(List<String> productIds) {
        return ownedBy("product-owners", "productIds", productIds).stream()
                .sorted(Comparator.comparingInt(owned -> productIds.indexOf(owned.id())))
                .map(OwnedBy::owner)
                .toList();
    }

    /** A product or consumer with its name and the team answerable for it. */
    record OwnedBy(String id, String name, Owner owner) {}

    /** The owners of products ({@code product-owners}) or consumers ({@code consumer-owners}), with their names. */
    List<OwnedBy> ownedBy(String statement, String parameter, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OwnedBy> result = new ArrayList<>();
        for (Record row : cypher.read(driver, statement, Map.of(parameter, ids)).records()) {
            result.add(new OwnedBy(row.get("owned").asString(), row.get("name").asString(""), owner(row)));
        }
        return result;
    }

    /**
     * What {@code product-owners} and {@code consumer-owners} answer, from the packed products ([id, name,
     * domain, team, inherited]) or consumers ([id, name, team]) and teams of {@code meshcatalog.walk}.
     */
    static List<OwnedBy> packedOwners(Value owned, Value teams, boolean products) {
        List<Value> teamList = teams.asList(team -> team);
        List<OwnedBy> result = new ArrayList<>();
        for (Value one : owned.values()) {
            Value team = teamList.get(one.get(products ? 3 : 2).asInt());
            result.add(new OwnedBy(
                    one.get(0).asString(),
                    one.get(1).asString(""),
                    new Owner(
                            team.get(0).asString(),
                            team.get(1).asString(""),
                            team.get(2)
                                    .asList(m -> new Member(
                                            m.get(0).asString(),
                                            m.get(1).asString(""),
                                            m.get(2).asString(""))),
                            products && one.get(4).asBoolean(),
                            products ? one.get(2).asString("") : "")));
        }
        return result;
    }

    private static Owner owner(Record row) {
        return new Owner(
                row.get("team").asString(),
                row.get("description").asString(""),
                members(row.get("members")),
                row.get("inherited").asBoolean(),
                row.get("domain").asString(""));
    }

    private static List<Member> members(Value members) {
        return members.asList(m -> new Member(
                m.get("username").asString(),
                m.get("name").asString(""),
                m.get("role").asString("")));
    }

    private static FieldView field(Value f, Viewer viewer) {
        String classification = f.get("classification").isNull()
                ? null
                : f.get("classification").asString();
        ExampleAccess.Examples examples = ExampleAccess.examples(classification, strings(f.get("examples")), viewer);
        return new FieldView(
                f.get("id").asString(),
                f.get("name").asString(""),
                f.get("dataset").asString(""),
                f.get("logicalType").asString(""),
                f.get("description").asString(""),
                classification,
                f.get("criticalDataElement").asBoolean(false),
                strings(f.get("tags")),
                strings(f.get("derivedFrom")),
                f.get("placeholder").asBoolean(false),
                examples.values(),
                examples.withheld(),
                f.get("physicalType").asString(""),
                f.get("businessName").asString(""));
    }

    static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
