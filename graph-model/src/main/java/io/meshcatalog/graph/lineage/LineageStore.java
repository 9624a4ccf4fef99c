package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.health.Health;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.openlineage.LineageEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The catalog's lineage graph in Neo4j: what domains declare goes in through {@link #upsert}, and
 * discovery, ownership, lineage and impact questions come out. Every statement runs with bound
 * parameters; every traversal is clamped by {@link TraversalLimits}.
 *
 * <p>Every read answers one {@link Viewer}: its Cypher keeps only what the viewer may see (one predicate,
 * {@code visible-product.cypher}, with the viewer and the clock's instant as parameters), so totals, facets and
 * counts never include the rest. What the viewer may not see reads exactly like what does not exist; lineage walks
 * go through it and their answers count it per owning team ({@link HiddenItems}) without naming it. The gateway's
 * own reads (harvest, vocabulary) pass {@link Viewer#EVERYTHING}.
 *
 * <p>Access requests ({@link #requestAccess}) become grants once the owning team approves them
 * ({@link #decideAccess}); a grant in force widens who may see a private product until its date, then expires on
 * its own by the store's {@link Clock}.
 */
public final class LineageStore {

    private final Driver driver;
    private final Clock clock;
    private final CypherLog cypher = new CypherLog();
    private final CatalogWriter writer;
    private final CatalogReader reader;
    private final CatalogSearch search;
    private final LineageAnalysis analysis;
    private final DescriptorCheck check;
    private final OpenLineageWriter openLineage;
    private final ServerProcedures procedures;
    private final AccessGrants grants;
    private final GovernanceCheck governance;
    private final RunReader runs;
    private final CatalogTemplates templates;

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
        this(driver, limits, clock, procedures, GrantLimits.DEFAULT);
    }

    /**
     * @param clock the time that revisions are stamped with and grants expire by
     * @param grantLimits how far ahead a grant may run, and how much one read of requests lists
     */
    public LineageStore(
            Driver driver, TraversalLimits limits, Clock clock, Procedures procedures, GrantLimits grantLimits) {
        this.driver = driver;
        this.clock = clock;
        this.procedures = new ServerProcedures(driver, procedures);
        this.writer = new CatalogWriter(driver, cypher, clock);
        this.reader = new CatalogReader(driver, cypher);
        this.search = new CatalogSearch(driver, cypher, clock, this.procedures);
        this.analysis = new LineageAnalysis(driver, cypher, reader, limits, this.procedures);
        this.check = new DescriptorCheck(driver, cypher, analysis);
        this.openLineage = new OpenLineageWriter(driver, cypher);
        this.grants = new AccessGrants(driver, cypher, grantLimits);
        this.governance = new GovernanceCheck(driver, cypher);
        this.runs = new RunReader(driver, cypher);
        this.templates = new CatalogTemplates(driver, cypher, clock);
    }

    /** The templates published to the catalog. */
    public CatalogTemplates templates() {
        return templates;
    }

    /**
     * Creates the constraints and indexes (idempotent) and waits until they are online; then asks the
     * server once whether walks can run inside it, and logs the answer.
     */
    public void initSchema() {
        try (Session session = CausalSessions.open(driver)) {
            for (String statement : Cypher.script("schema")) {
                createSchema(session, statement);
            }
            session.run("CALL db.awaitIndexes(120)").consume();
        }
        procedures.available();
    }

    /**
     * One constraint or index, if not there. Another gateway starting on the same graph may create it at the same
     * time: a deadlock between the two is retried, and its rule, made between this one's check and its creation, is
     * the one wanted.
     */
    private static void createSchema(Session session, String statement) {
        try {
            session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
        } catch (ClientException e) {
            if (!e.code().endsWith("AlreadyExists")) {
                throw e;
            }
        }
    }

    /** How lineage walks run on this server: inside Neo4j, or in Cypher a level at a time. */
    public String walks() {
        return procedures.describe();
    }

    // Writes of what domains declare and jobs report

    /** What wrote a revision when the caller names nothing else. */
    public static final String DIRECT_UPSERT = "a direct upsert";

    /**
     * Writes a domain and each of its products, one transaction per product; a stored descriptor text is kept. The
     * domain's products the descriptor no longer declares are retired.
     */
    public List<UpsertOutcome> upsert(DomainDescriptor descriptor) {
        return writer.upsert(descriptor, null, DIRECT_UPSERT);
    }

    /**
     * Writes a domain and each of its products, and stores {@code descriptorYaml}, the text {@code descriptor} was
     * read from, on the domain, for {@link #descriptors}.
     */
    public List<UpsertOutcome> upsert(DomainDescriptor descriptor, String descriptorYaml) {
        return writer.upsert(descriptor, descriptorYaml, DIRECT_UPSERT);
    }

    /** As {@link #upsert(DomainDescriptor, String)}, naming {@code by} (such as a harvest) in the revisions it writes. */
    public List<UpsertOutcome> upsert(DomainDescriptor descriptor, String descriptorYaml, String by) {
        return writer.upsert(descriptor, descriptorYaml, by);
    }

    /**
     * Stores a validated OpenLineage event in one transaction, for {@code writer}: outputs that are catalog datasets
     * must belong to one of its teams (unless it sees everything).
     *
     * @throws AccessDeniedException naming the dataset and its owning team, when they do not; nothing is stored
     */
    public RecordedEvent record(Viewer writer, LineageEvent event) {
        return record(writer, event, event.identity());
    }

    /**
     * Stores an event once per {@code idempotencyKey} (the event's {@link LineageEvent#identity()}, or a key its
     * sender chose): sent again, it is acknowledged with what was stored the first time, and nothing is written.
     */
    public RecordedEvent record(Viewer writer, LineageEvent event, String idempotencyKey) {
        return openLineage.record(writer, new KeyedEvent(event, idempotencyKey));
    }

    /**
     * Stores several events in the order given, each as if sent alone (all or nothing, once per key, refused on its
     * own when it writes into catalog datasets {@code writer}'s teams do not own), written together in as few
     * transactions as their sizes allow. Stops at the first event the store fails on.
     */
    public RecordedBatch record(Viewer writer, List<KeyedEvent> events) {
        return openLineage.record(writer, events);
    }

    // Reads, each as one viewer sees the catalog

    /**
     * The stored descriptor text of every domain that has one, by domain id, in id order. A descriptor holds every
     * product of its domain, so only a viewer that sees everything reads them.
     *
     * @throws IllegalArgumentException for any other viewer
     */
    public Map<String, String> descriptors(Viewer viewer) {
        return reader.descriptors(viewer);
    }

    /**
     * The last descriptor snapshot of each retired product, its domain and the product alone, newest retirement first,
     * at most {@code limit}: what the vocabulary serves of products no domain declares any more.
     *
     * @throws IllegalArgumentException for a viewer that does not see everything
     */
    public List<String> retiredDescriptors(Viewer viewer, int limit) {
        return reader.retiredDescriptors(viewer, limit);
    }

    /** A product's revisions, newest first, at most {@code limit} of them; none when the viewer may not see it. */
    public List<ProductRevision> history(Viewer viewer, String productId, int limit) {
        return reader.history(as(viewer), productId, limit);
    }

    /**
     * Ranked discovery over what the viewer may see: hits, total and, when the query asks for them, the facet counts,
     * all counting only that.
     */
    public SearchPage search(Viewer viewer, SearchQuery query) {
        return search.search(as(viewer), query);
    }

    /** A product by id; empty when there is none or the viewer may not see it. */
    public Optional<ProductView> product(Viewer viewer, String id) {
        return reader.product(as(viewer), id);
    }

    /** A dataset by id; empty when there is none or the viewer may not see it (or its product). */
    public Optional<DatasetView> dataset(Viewer viewer, String id) {
        return reader.dataset(as(viewer), id);
    }

    /** An OpenLineage job by id ({@code namespace/name}); empty when there is none or the viewer is anonymous. */
    public Optional<JobView> job(Viewer viewer, String id) {
        return runs.job(as(viewer), id);
    }

    /** A job's runs, newest first, those updated after {@code after} when given; {@code first} from 1 to 100. */
    public List<RunView> runs(Viewer viewer, String jobId, @Nullable Instant after, int first) {
        return runs.runs(as(viewer), jobId, after, first);
    }

    /** The last run that completed writing a dataset (Marquez's last lifecycle state); empty when none did. */
    public Optional<RunView> lastWrite(Viewer viewer, String datasetId) {
        return runs.lastWrite(as(viewer), datasetId);
    }

    /** A field by ref; empty when there is none or the viewer may not see its product. */
    /**
     * The health, judged now by the store's clock, of each dataset and product in {@code nodes} the viewer may see
     * (at most 1,000; other kinds are ignored); what it may not see or does not exist is absent from the answer.
     */
    public Map<NodeRef, Health> health(Viewer viewer, Collection<NodeRef> nodes) {
        return runs.health(as(viewer), nodes, clock.instant());
    }

    /**
     * Where each product, dataset and field of {@code nodes} the viewer may see is in its life; consumers, datasets
     * no product published and what the viewer may not see are left out.
     */
    public Map<NodeRef, Lifecycle> lifecycle(Viewer viewer, Collection<NodeRef> nodes) {
        return reader.lifecycle(as(viewer), nodes);
    }

    /** The dataset's data quality results (OpenLineage facets), newest first, {@code last} (1 to 100) at most. */
    public List<QualityView> quality(Viewer viewer, String datasetId, int last) {
        return runs.quality(as(viewer), datasetId, last);
    }

    public Optional<FieldView> field(Viewer viewer, String ref) {
        return reader.field(as(viewer), ref);
    }

    /** The team answerable for a product: its own, or its domain's when it names none; none when hidden. */
    public List<Owner> owners(Viewer viewer, String productId) {
        return product(viewer, productId).map(ProductView::owners).orElse(List.of());
    }

    /**
     * What {@code root} is derived from or what derives from it, as far as the viewer may see.
     *
     * @throws UnknownNodeException when there is no such node or the viewer may not see it
     */
    public LineageResult lineage(Viewer viewer, NodeRef root, Direction direction, @Nullable Integer depth) {
        return lineage(viewer, root, direction, depth, false);
    }

    /** {@link #lineage(Viewer, NodeRef, Direction, Integer)}, with the answer's edges when {@code withEdges}. */
    public LineageResult lineage(
            Viewer viewer, NodeRef root, Direction direction, @Nullable Integer depth, boolean withEdges) {
        return analysis.lineage(as(viewer), root, direction, depth, withEdges);
    }

    /**
     * Everything downstream of {@code root} and the teams to tell; what the viewer may not see is counted per team.
     *
     * @throws UnknownNodeException when there is no such node or the viewer may not see it
     */
    public ImpactReport impact(Viewer viewer, NodeRef root, @Nullable Integer depth) {
        return impact(viewer, root, depth, false);
    }

    /** {@link #impact(Viewer, NodeRef, Integer)}, with the answer's edges when {@code withEdges}. */
    public ImpactReport impact(Viewer viewer, NodeRef root, @Nullable Integer depth, boolean withEdges) {
        return analysis.impact(as(viewer), root, depth, withEdges);
    }

    /**
     * What proposed field changes break and whom to tell.
     *
     * @throws UnknownNodeException when a changed field does not exist or the viewer may not see it
     */
    public ChangeImpactReport changeImpact(Viewer viewer, List<FieldChange> changes, @Nullable Integer depth) {
        return analysis.changeImpact(as(viewer), changes, depth);
    }

    /**
     * What {@code proposed}, a new descriptor of a domain, changes against {@code current} (the descriptor the catalog
     * last harvested, null for a new domain): every change named and judged, and what the breaking ones break
     * downstream and whom to tell, as the viewer may see it. Nothing is written.
     */
    public DescriptorCheckReport check(
            Viewer viewer, @Nullable DomainDescriptor current, DomainDescriptor proposed, @Nullable Integer depth) {
        return check.check(as(viewer), current, proposed, depth);
    }

    /**
     * Every flow of personal data out of the mesh that no grant covers for what it is used for, and those a grant
     * covers: see {@link GovernanceFinding}. An admin sees all; others the flows whose consumer and PII field they
     * may see.
     */
    public GovernanceReport governanceFindings(Viewer viewer) {
        return governance.findings(as(viewer));
    }

    // Access requests and grants

    /**
     * Asks the owning team of {@code productId} for access to it, for {@code team} (one the requester acts for) or
     * for the requester alone ({@code team} null), for {@code purpose} (a label such as {@code advertising-audiences})
     * until {@code until} (at most {@link GrantLimits#horizon()} ahead). The same request while it is pending (same
     * requester, product, team and purpose) answers the pending one instead of making another. A product the
     * requester may not see can be asked for by its id: that is what access requests are for.
     *
     * @throws AccessDeniedException when the requester is anonymous, or asks for a team it does not act for
     * @throws UnknownNodeException when there is no such product
     * @throws IllegalArgumentException when the purpose or the date is not acceptable, or the team owns the product
     */
    public AccessRequest requestAccess(
            Viewer requester, String productId, @Nullable String team, String purpose, Instant until) {
        return grants.request(as(requester), productId, team, purpose, until);
    }

    /**
     * Approves or denies a pending request; only the product's owning team or an admin decides. Deciding again the
     * same way answers the request unchanged.
     *
     * @throws AccessDeniedException when the decider is not allowed to
     * @throws UnknownAccessRequestException when there is no such request
     * @throws IllegalStateException when it was decided the other way, revoked, or its date has passed
     */
    public AccessRequest decideAccess(Viewer decider, String requestId, AccessDecision decision, String note) {
        return grants.decide(as(decider), requestId, decision, note);
    }

    /**
     * Revokes a grant, or withdraws a pending request: by the requester, the owning team or an admin. Revoking again
     * answers the request unchanged.
     *
     * @throws AccessDeniedException when the viewer is not allowed to
     * @throws UnknownAccessRequestException when there is no such request
     * @throws IllegalStateException when the request was denied
     */
    public AccessRequest revokeAccess(Viewer viewer, String requestId, String note) {
        return grants.revoke(as(viewer), requestId, note);
    }

    /**
     * The requests on a product, newest first: every one for its owning team and admins, otherwise the viewer's own
     * and its teams'.
     */
    public List<AccessRequest> accessRequests(Viewer viewer, String productId) {
        return grants.ofProduct(as(viewer), productId);
    }

    /** The pending requests the viewer's teams decide (every one for an admin), oldest first. */
    public List<AccessRequest> pendingAccessRequests(Viewer viewer) {
        return grants.pending(as(viewer));
    }

    /**
     * The requests the viewer made, newest first, whatever the visibility of their products (a request for a product
     * one may not see yet is one's own); none for an anonymous viewer.
     */
    public List<AccessRequest> myAccessRequests(Viewer viewer) {
        return grants.mine(as(viewer));
    }

    /** The grants in force on a product the viewer may see. */
    public List<AccessRequest> grants(Viewer viewer, String productId) {
        return grants.grants(as(viewer), productId);
    }

    /**
     * The products the viewer holds a grant in force on, as {@link io.meshcatalog.graph.access.CallerClaims}'s
     * {@code grantedProducts} tells domain subgraphs.
     */
    public Set<String> grantedProducts(Viewer viewer) {
        return grants.grantedProducts(as(viewer));
    }

    private ViewerParameters as(Viewer viewer) {
        return ViewerParameters.of(viewer, clock.instant());
    }
}
