package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Writes descriptors into the graph: the domain in one transaction, then each product in one
 * transaction of its own that first removes what the product declared before and then declares it
 * again. Loading the same descriptor twice therefore leaves the same graph, and a product that
 * dropped a dataset or an input port loses it.
 */
final class CatalogWriter {

    private final Driver driver;
    private final CypherLog log;
    private final Clock clock;

    CatalogWriter(Driver driver, CypherLog log, Clock clock) {
        this.driver = driver;
        this.log = log;
        this.clock = clock;
    }

    List<UpsertOutcome> upsert(DomainDescriptor descriptor, @Nullable String descriptorYaml) {
        try (Session session = driver.session()) {
            // refuse the whole descriptor before writing anything when a product would take over a dataset
            session.executeRead(tx -> {
                descriptor.products().forEach(product -> refuseConflicts(tx, product));
                return null;
            });
            session.executeWriteWithoutResult(tx -> writeDomain(tx, descriptor.domain(), descriptorYaml));
            List<UpsertOutcome> outcomes = new ArrayList<>();
            for (DataProduct product : descriptor.products()) {
                outcomes.add(session.executeWrite(tx -> writeProduct(tx, product)));
            }
            return outcomes;
        }
    }

    private void writeDomain(TransactionContext tx, Domain domain, @Nullable String descriptorYaml) {
        log.run(tx, "upsert-team", Map.of("team", ProductParameters.team(domain.team())));
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("domain", ProductParameters.domain(domain));
        parameters.put("descriptorYaml", descriptorYaml);
        log.run(tx, "upsert-domain", parameters);
    }

    private UpsertOutcome writeProduct(TransactionContext tx, DataProduct product) {
        String id = product.id().value();
        List<String> datasetIds = ProductParameters.datasetIds(product);
        refuseConflicts(tx, product);
        List<Record> before = log.run(tx, "product-hash", Map.of("productId", id));
        String hash = ProductParameters.contentHash(product);
        UpsertOutcome.Change change = change(before, hash);
        List<Record> previous = change == UpsertOutcome.Change.UPDATED
                ? log.run(tx, "product-snapshot", Map.of("productId", id)) : List.of();

        log.run(tx, "detach-product", Map.of("productId", id, "datasetIds", datasetIds,
                "fieldIds", ProductParameters.fieldIds(product)));
        if (product.team() != null) {
            log.run(tx, "upsert-team", Map.of("team", ProductParameters.team(product.team())));
        }
        log.run(tx, "upsert-product", Map.of("product", ProductParameters.product(product)));
        log.run(tx, "upsert-datasets", Map.of("productId", id, "datasets", ProductParameters.datasets(product)));
        log.run(tx, "upsert-inputs", Map.of("productId", id, "inputs", ProductParameters.inputs(product)));
        log.run(tx, "upsert-field-lineage", Map.of("edges", ProductParameters.fieldEdges(product)));
        log.run(tx, "upsert-consumers", Map.of("consumers", ProductParameters.consumers(product)));
        log.run(tx, "collect-garbage", Map.of());
        List<SchemaChange> changes = switch (change) {
            case CREATED -> List.of(new SchemaChange(SchemaChange.Kind.CREATED, id, "", product.version()));
            case UPDATED -> ProductSnapshot.of(product).changesSince(snapshot(previous.get(0)), id);
            case UNCHANGED -> List.of();
        };
        int revision = previous.isEmpty() ? (change == UpsertOutcome.Change.CREATED ? 1 : 0)
                : previous.get(0).get("revision").asInt() + 1;
        if (!changes.isEmpty()) {
            log.run(tx, "record-revision", Map.of("productId", id, "revision", Map.of(
                    "number", revision,
                    "at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    "contentHash", hash,
                    "declaredVersion", product.version(),
                    "changes", changes.stream().map(c -> Map.of("kind", c.kind().name(), "subject", c.subject(),
                            "before", c.before(), "after", c.after())).toList())));
            List<SchemaChange> breaking = changes.stream().filter(SchemaChange::breaking).toList();
            if (!breaking.isEmpty()) {
                log.run(tx, "alert-raise", Map.of("alerts", List.of(Map.of(
                        "id", "BREAKING " + id + " r" + revision, "kind", "BREAKING", "subjectKind", "PRODUCT",
                        "subject", id, "product", id, "at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        "reason", "revision " + revision + " of " + id + " breaks what reads it: "
                                + breaking.stream().map(SchemaChange::toString).collect(Collectors.joining("; "))))));
            }
        }
        return new UpsertOutcome(id, change, hash, changes);
    }

    private static ProductSnapshot snapshot(Record row) {
        Map<String, ProductSnapshot.FieldShape> fields = new TreeMap<>();
        Set<String> datasets = new TreeSet<>();
        for (Value field : row.get("fields").values()) {
            String dataset = field.get("dataset").asString();
            datasets.add(dataset);
            fields.put(dataset + "." + field.get("field").asString(), new ProductSnapshot.FieldShape(
                    field.get("type").asString(""), field.get("classification").asString("")));
        }
        return new ProductSnapshot(row.get("status").asString(""), row.get("visibility").asString(""),
                row.get("version").asString(""),
                new TreeSet<>(CatalogReader.strings(row.get("inputs"))), datasets, fields);
    }

    private void refuseConflicts(TransactionContext tx, DataProduct product) {
        String id = product.id().value();
        List<Record> conflicts = log.run(tx, "producer-conflicts",
                Map.of("productId", id, "datasetIds", ProductParameters.datasetIds(product)));
        if (!conflicts.isEmpty()) {
            Record first = conflicts.get(0);
            throw new CatalogConflictException("product " + id + " publishes dataset " + first.get("dataset")
                    .asString() + ", which product " + first.get("producer").asString()
                    + " already publishes; remove it from one of them (nothing was written for " + id + ")");
        }
    }

    private static UpsertOutcome.Change change(List<Record> before, String hash) {
        if (before.isEmpty()) {
            return UpsertOutcome.Change.CREATED;
        }
        Value previous = before.get(0).get("hash");
        boolean placeholder = before.get(0).get("placeholder").isTrue();
        if (placeholder || previous.isNull()) {
            return UpsertOutcome.Change.CREATED;
        }
        return previous.asString().equals(hash) ? UpsertOutcome.Change.UNCHANGED : UpsertOutcome.Change.UPDATED;
    }
}
