package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorWriter;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.ProductStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * dropped a dataset or an input port loses it. A product the descriptor no longer declares is retired: kept, with
 * its lineage, as RETIRED. Every revision keeps the descriptor snapshot it came from.
 */
final class CatalogWriter {

    /** The most products one upsert retires; the rest are retired by the next. */
    static final int MAX_RETIRED_AT_ONCE = 1_000;

    private final Driver driver;
    private final CypherLog log;
    private final Clock clock;
    private final DescriptorLoader loader = new DescriptorLoader();
    private final DescriptorWriter descriptors = new DescriptorWriter();

    CatalogWriter(Driver driver, CypherLog log, Clock clock) {
        this.driver = driver;
        this.log = log;
        this.clock = clock;
    }

    List<UpsertOutcome> upsert(DomainDescriptor descriptor, @Nullable String descriptorYaml, String by) {
        Domain domain = descriptor.domain();
        List<String> declared =
                descriptor.products().stream().map(p -> p.id().value()).toList();
        Map<String, Object> live =
                Map.of("domain", domain.id().value(), "declared", declared, "limit", MAX_RETIRED_AT_ONCE);
        try (Session session = CausalSessions.open(driver)) {
            // refuse the whole descriptor before writing anything when a product would take over a dataset, or when
            // it would retire every product of its domain at once
            Prior prior = session.executeRead(tx -> {
                descriptor.products().forEach(product -> refuseConflicts(tx, product, domain, declared));
                List<Record> gone = log.run(tx, "domain-live-products", live);
                if (declared.isEmpty() && !gone.isEmpty()) {
                    throw new CatalogConflictException("the descriptor of domain " + domain.id() + " declares no "
                            + "product, so every one of its " + gone.size() + " products would be retired; nothing "
                            + "was written (to retire them, declare each with status: retired)");
                }
                List<Record> stored = log.run(
                        tx, "domain-descriptor", Map.of("domain", domain.id().value()));
                return new Prior(
                        new Baseline(
                                stored.isEmpty()
                                        ? null
                                        : stored.get(0).get("descriptorYaml").asString(null)),
                        gone);
            });
            boolean textChanged = descriptorYaml != null && !descriptorYaml.equals(prior.baseline().domainYaml);
            session.executeWriteWithoutResult(tx -> writeDomain(tx, domain, descriptorYaml, textChanged));
            List<UpsertOutcome> outcomes = new ArrayList<>();
            // first what leaves, so that what it published can pass on to the products declared now
            for (Record row : prior.gone()) {
                outcomes.add(session.executeWrite(tx -> retire(tx, domain, row, prior.baseline(), by)));
            }
            for (DataProduct product : descriptor.products()) {
                outcomes.add(
                        session.executeWrite(tx -> writeProduct(tx, domain, product, declared, prior.baseline(), by)));
            }
            return outcomes;
        }
    }

    /** What the catalog held of the domain before the upsert: the earlier declarations, the products now left out. */
    private record Prior(Baseline baseline, List<Record> gone) {}

    private void writeDomain(
            TransactionContext tx, Domain domain, @Nullable String descriptorYaml, boolean textChanged) {
        log.run(tx, "upsert-team", Map.of("team", ProductParameters.team(domain.team())));
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("domain", ProductParameters.domain(domain));
        parameters.put("descriptorYaml", descriptorYaml);
        log.run(tx, "upsert-domain", parameters);
        if (textChanged) {
            vocabularyChanged(tx);
        }
    }

    /**
     * Counts a change to the vocabulary every gateway keeps (a domain's stored text, a retired product's snapshot), in
     * the transaction that makes it ({@link CatalogChanges}).
     */
    private void vocabularyChanged(TransactionContext tx) {
        CatalogChanges.changed(log, tx, CatalogChanges.Scope.VOCABULARY, now());
    }

    private UpsertOutcome writeProduct(
            TransactionContext tx,
            Domain domain,
            DataProduct product,
            List<String> declared,
            Baseline baseline,
            String by) {
        String id = product.id().value();
        List<String> datasetIds = ProductParameters.datasetIds(product);
        refuseConflicts(tx, product, domain, declared);
        List<Record> before = log.run(tx, "product-hash", Map.of("productId", id));
        String hash = ProductParameters.contentHash(product);
        UpsertOutcome.Change change = change(before, hash);
        DataProduct previous = change == UpsertOutcome.Change.UPDATED ? baseline.previous(before.get(0), id) : null;
        if (product.equals(previous)) {
            // the digest's text changed with the catalog's version, not the product: no revision to record
            change = UpsertOutcome.Change.UNCHANGED;
        }
        String snapshot = descriptors.write(domain, product);

        log.run(
                tx,
                "detach-product",
                Map.of(
                        "productId",
                        id,
                        "datasetIds",
                        datasetIds,
                        "fieldIds",
                        ProductParameters.fieldIds(product),
                        "at",
                        now(),
                        "by",
                        by));
        if (product.team() != null) {
            log.run(tx, "upsert-team", Map.of("team", ProductParameters.team(product.team())));
        }
        log.run(tx, "upsert-product", Map.of("product", ProductParameters.product(product), "descriptor", snapshot));
        log.run(tx, "upsert-datasets", Map.of("productId", id, "datasets", ProductParameters.datasets(product)));
        log.run(tx, "upsert-inputs", Map.of("productId", id, "inputs", ProductParameters.inputs(product)));
        log.run(tx, "upsert-field-lineage", Map.of("edges", ProductParameters.fieldEdges(product)));
        log.run(tx, "upsert-consumers", Map.of("consumers", ProductParameters.consumers(product)));
        log.run(tx, "collect-garbage", Map.of());
        if (product.status() == ProductStatus.RETIRED) {
            // declared retired: retired as one left out is, from the first time on
            markRetired(tx, id, by, null, null);
        }
        List<SchemaChange> changes = switch (change) {
            case CREATED -> ProductDiff.between(null, product);
            case UPDATED -> updates(previous, product);
            default -> List.of();
        };
        if (!changes.isEmpty()) {
            int revision = (before.isEmpty() ? 0 : before.get(0).get("revision").asInt()) + 1;
            record(tx, id, revision, hash, product, snapshot, changes, by);
        }
        return new UpsertOutcome(id, change, hash, changes);
    }

    /** A product its domain no longer declares: retired with a revision, and its readers told. */
    private UpsertOutcome retire(TransactionContext tx, Domain domain, Record row, Baseline baseline, String by) {
        String id = row.get("id").asString();
        DataProduct last = baseline.previous(row, id);
        List<SchemaChange> changes = List.of(new SchemaChange(
                SchemaChange.Kind.RETIRED, id, last == null ? "" : last.status().name(), "RETIRED"));
        DataProduct retired = last == null ? null : last.withStatus(ProductStatus.RETIRED);
        String snapshot = retired == null ? row.get("descriptor").asString(null) : descriptors.write(domain, retired);
        String hash = retired == null ? "retired" : ProductParameters.contentHash(retired);
        markRetired(tx, id, by, snapshot, hash);
        vocabularyChanged(tx);
        int revision = row.get("revision").asInt() + 1;
        record(tx, id, revision, hash, retired, snapshot, changes, by);
        return new UpsertOutcome(id, UpsertOutcome.Change.RETIRED, hash, changes);
    }

    /** The product, its datasets and fields retired now by {@code by}, unless they were already; a snapshot given, kept. */
    private void markRetired(
            TransactionContext tx, String id, String by, @Nullable String snapshot, @Nullable String hash) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("productId", id);
        parameters.put("at", now());
        parameters.put("by", by);
        parameters.put("descriptor", snapshot);
        parameters.put("hash", hash);
        log.run(tx, "retire-product", parameters);
    }

    private static List<SchemaChange> updates(@Nullable DataProduct previous, DataProduct product) {
        List<SchemaChange> changes = previous == null ? List.of() : ProductDiff.between(previous, product);
        // no earlier snapshot to compare with (stored before revisions kept one), or a change no kind names (a port's
        // name, a team's members)
        return changes.isEmpty()
                ? List.of(new SchemaChange(
                        SchemaChange.Kind.DESCRIPTION_CHANGED, product.id().value(), "", ""))
                : changes;
    }

    private void record(
            TransactionContext tx,
            String id,
            int revision,
            String hash,
            @Nullable DataProduct product,
            @Nullable String snapshot,
            List<SchemaChange> changes,
            String by) {
        Map<String, @Nullable Object> entry = new HashMap<>();
        entry.put("number", revision);
        entry.put("at", now());
        entry.put("contentHash", hash);
        entry.put("declaredVersion", product == null ? "" : product.version());
        entry.put("descriptor", snapshot);
        entry.put("harvest", by);
        entry.put(
                "changes",
                changes.stream()
                        .map(c -> Map.of(
                                "kind",
                                c.kind().name(),
                                "subject",
                                c.subject(),
                                "before",
                                c.before(),
                                "after",
                                c.after()))
                        .toList());
        log.run(tx, "record-revision", Map.of("productId", id, "revision", entry));
        List<SchemaChange> breaking =
                changes.stream().filter(SchemaChange::breaking).toList();
        if (changes.stream()
                .anyMatch(c -> c.kind() == SchemaChange.Kind.RETIRED
                        || (c.kind() == SchemaChange.Kind.STATUS_CHANGED
                                && c.after().equals(ProductStatus.RETIRED.name())))) {
            raise(tx, "RETIRED", id, revision, id + " was retired (" + by + "): what reads it loses it");
        } else if (!breaking.isEmpty()) {
            raise(
                    tx,
                    "BREAKING",
                    id,
                    revision,
                    "revision " + revision + " of " + id + " breaks what reads it: "
                            + breaking.stream().map(SchemaChange::toString).collect(Collectors.joining("; ")));
        }
        if (product != null
                && product.status() == ProductStatus.DEPRECATED
                && changes.stream()
                        .anyMatch(c -> c.kind() == SchemaChange.Kind.SUNSET_CHANGED
                                || (c.kind() == SchemaChange.Kind.STATUS_CHANGED
                                        && c.after().equals("DEPRECATED")))) {
            raise(
                    tx,
                    "DEPRECATED",
                    id,
                    revision,
                    id + " is deprecated" + (product.sunset() == null ? "" : " and goes away on " + product.sunset())
                            + ": move what reads it off it");
        }
    }

    private void raise(TransactionContext tx, String kind, String id, int revision, String reason) {
        log.run(
                tx,
                "alert-raise",
                Map.of(
                        "alerts",
                        List.of(Map.of(
                                "id",
                                kind + " " + id + " r" + revision,
                                "kind",
                                kind,
                                "subjectKind",
                                "PRODUCT",
                                "subject",
                                id,
                                "product",
                                id,
                                "at",
                                now(),
                                "reason",
                                reason))));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * What a product declared before this upsert: its own snapshot, or for a product stored before snapshots were
     * kept, its place in the domain's previous descriptor text; null when neither holds it.
     */
    private final class Baseline {

        private final @Nullable String domainYaml;
        private @Nullable Map<String, DataProduct> fromDomain;

        Baseline(@Nullable String domainYaml) {
            this.domainYaml = domainYaml;
        }

        @Nullable
        DataProduct previous(Record row, String id) {
            String snapshot = row.get("descriptor").asString(null);
            if (snapshot != null) {
                DataProduct product = read(snapshot).get(id);
                if (product != null) {
                    return product;
                }
            }
            if (fromDomain == null) {
                fromDomain = domainYaml == null ? Map.of() : read(domainYaml);
            }
            return fromDomain.get(id);
        }

        private Map<String, DataProduct> read(String yaml) {
            try {
                Map<String, DataProduct> out = new HashMap<>();
                loader.load("stored descriptor", yaml).products().forEach(p -> out.put(p.id().value(), p));
                return out;
            } catch (DescriptorException e) {
                return Map.of();
            }
        }
    }

    private void refuseConflicts(TransactionContext tx, DataProduct product, Domain domain, List<String> declared) {
        String id = product.id().value();
        List<Record> conflicts = log.run(
                tx,
                "producer-conflicts",
                Map.of(
                        "productId",
                        id,
                        "datasetIds",
                        ProductParameters.datasetIds(product),
                        "domain",
                        domain.id().value(),
                        "declared",
                        declared));
        if (!conflicts.isEmpty()) {
            Record first = conflicts.get(0);
            throw new CatalogConflictException("product " + id + " publishes dataset "
                    + first.get("dataset").asString() + ", which product "
                    + first.get("producer").asString()
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
