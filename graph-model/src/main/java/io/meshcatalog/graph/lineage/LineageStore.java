package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.openlineage.LineageEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The catalog's lineage graph in Neo4j: what domains declare goes in through {@link #upsert}, and
 * discovery, ownership, lineage and impact questions come out. Every statement runs with bound
 * parameters; every traversal is clamped by {@link TraversalLimits}.
 */
public final class LineageStore {

    private final Driver driver;
    private final CypherLog cypher = new CypherLog();
    private final CatalogWriter writer;
    private final CatalogReader reader;
    private final CatalogSearch search;
    private final LineageAnalysis analysis;
    private final OpenLineageWriter openLineage;
    private final ServerProcedures procedures;

    public LineageStore(Driver driver) {
        this(driver, TraversalLimits.DEFAULT);
    }

    public LineageStore(Driver driver, TraversalLimits limits) {
        this(driver, limits, Clock.systemUTC());
    }

    public LineageStore(Driver driver, TraversalLimits limits, Clock clock) {
        this(driver, limits, clock, Procedures.USE_WHEN_PRESENT);
    }

    /** Whether lineage walks may use Mesh Catalog's procedures when the server has them. */
    public enum Procedures {
        USE_WHEN_PRESENT,
        NEVER
    }

    public LineageStore(Driver driver, TraversalLimits limits, Clock clock, Procedures procedures) {
        this.driver = driver;
        this.procedures = new ServerProcedures(driver, procedures);
        this.writer = new CatalogWriter(driver, cypher, clock);
        this.reader = new CatalogReader(driver, cypher);
        this.search = new CatalogSearch(driver, cypher);
        this.analysis = new LineageAnalysis(driver, cypher, reader, limits, this.procedures);
        this.openLineage = new OpenLineageWriter(driver, cypher);
    }

    /**
     * Creates the constraints and indexes (idempotent) and waits until they are online; then asks the
     * server once whether walks can run inside it, and logs the answer.
     */
    public void initSchema() {
        try (Session session = driver.session()) {
            for (String statement : Cypher.script("schema")) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(120)").consume();
        }
        procedures.available();
    }

    /** How lineage walks run on this server: inside Neo4j, or in Cypher a level at a time. */
    public String walks() {
        return procedures.describe();
    }

    /** Writes a domain and each of its products, one transaction per product; a stored descriptor text is kept. */
    public List<UpsertOutcome> upsert(DomainDescriptor descriptor) {
        return writer.upsert(descriptor, null);
    }

    /**
     * Writes a domain and each of its products, and stores {@code descriptorYaml}, the text {@code descriptor} was
     * read from, on the domain, for {@link #descriptors()}.
     */
    public List<UpsertOutcome> upsert(DomainDescriptor descriptor, String descriptorYaml) {
        return writer.upsert(descriptor, descriptorYaml);
    }

    /** The stored descriptor text of every domain that has one, by domain id, in id order. */
    public Map<String, String> descriptors() {
        return reader.descriptors();
    }

    /** Stores a validated OpenLineage event in one transaction. */
    public RecordedEvent record(LineageEvent event) {
        return openLineage.record(event);
    }

    /** A product's revisions, newest first, at most {@code limit} of them. */
    public List<ProductRevision> history(String productId, int limit) {
        return reader.history(productId, limit);
    }

    public SearchPage search(SearchQuery query) {
        return search.search(query);
    }

    public Optional<ProductView> product(String id) {
        return reader.product(id);
    }

    public Optional<DatasetView> dataset(String id) {
        return reader.dataset(id);
    }

    public Optional<FieldView> field(String ref) {
        return reader.field(ref);
    }

    /** The team answerable for a product: its own, or its domain's when it names none. */
    public List<Owner> owners(String productId) {
        return reader.productOwners(List.of(productId));
    }

    public LineageResult lineage(NodeRef root, Direction direction, @Nullable Integer depth) {
        return analysis.lineage(root, direction, depth);
    }

    public ImpactReport impact(NodeRef root, @Nullable Integer depth) {
        return analysis.impact(root, depth);
    }

    public ChangeImpactReport changeImpact(List<FieldChange> changes, @Nullable Integer depth) {
        return analysis.changeImpact(changes, depth);
    }
}
