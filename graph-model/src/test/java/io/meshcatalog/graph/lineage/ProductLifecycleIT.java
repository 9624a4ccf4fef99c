package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * A product's life in the catalog: what a domain stops declaring is retired, not forgotten (status, when, by what,
 * history, out of search, in lineage, its readers told); a deprecation warns them; every revision keeps the
 * descriptor it came from.
 */
@Neo4jIntegrationTest
class ProductLifecycleIT {

    private static final Viewer ADMIN = Viewer.EVERYTHING;
    private static final String HARVEST = "harvest of subgraph beta by admin";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    private final LineageStore store;
    private final Outbox outbox;
    private final Driver driver;

    ProductLifecycleIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
        this.outbox = new Outbox(driver, clock);
    }

    @BeforeEach
    void load() {
        store.initSchema();
        Fixtures.lineage().forEach(store::upsert);
    }

    @Test
    void aProductItsDomainNoLongerDeclaresIsRetiredKeptAndItsReadersAreTold() {
        clock.advance(Duration.ofDays(2));

        List<UpsertOutcome> outcomes = store.upsert(betaWithout("beta.right"), "text", HARVEST);

        assertThat(outcomes)
                .filteredOn(o -> o.change() == UpsertOutcome.Change.RETIRED)
                .extracting(UpsertOutcome::productId)
                .containsExactly("beta.right");
        Lifecycle lifecycle =
                store.lifecycle(ADMIN, List.of(NodeRef.product("beta.right"))).get(NodeRef.product("beta.right"));
        assertThat(lifecycle)
                .isEqualTo(new Lifecycle(ProductStatus.RETIRED, Instant.parse("2026-11-03T09:00:00Z"), HARVEST, null));
        assertThat(store.product(ADMIN, "beta.right"))
                .as("kept, with its datasets")
                .isPresent();
        assertThat(store.lifecycle(ADMIN, List.of(NodeRef.dataset("beta.right"), NodeRef.field("beta.right.amount"))))
                .extractingFromEntries(e -> e.getValue().status())
                .containsOnly(ProductStatus.RETIRED);

        ProductRevision last = store.history(ADMIN, "beta.right", 1).get(0);
        assertThat(last.changes())
                .extracting(SchemaChange::toString)
                .containsExactly("RETIRED beta.right DEPRECATED -> RETIRED");
        assertThat(last.harvest()).isEqualTo(HARVEST);
        assertThat(last.descriptor()).contains("id: beta.right", "status: retired");
        assertThat(last.previousDescriptor()).contains("id: beta.right", "status: deprecated");

        assertThat(store.search(ADMIN, SearchQuery.text("right")).hits())
                .extracting(SearchHit::id)
                .as("out of search by default")
                .doesNotContain("beta.right", "beta.right.amount");
        assertThat(store.search(ADMIN, SearchQuery.text("right").withStatus("retired"))
                        .hits())
                .extracting(SearchHit::id)
                .contains("beta.right");

        for (LineageStore.Procedures walks : LineageStore.Procedures.values()) {
            LineageStore walking = new LineageStore(driver, TraversalLimits.DEFAULT, clock, walks);
            assertThat(walking.lineage(ADMIN, NodeRef.product("gamma.join"), Direction.UPSTREAM, 3)
                            .nodes())
                    .as("still in lineage, as retired (walks %s)", walks)
                    .filteredOn(node -> node.id().startsWith("beta.right"))
                    .extracting(LineageNode::kind, LineageNode::retired)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(NodeKind.DATASET, true),
                            org.assertj.core.groups.Tuple.tuple(NodeKind.PRODUCT, true));
            assertThat(walking.lineage(ADMIN, NodeRef.field("gamma.joined.total"), Direction.UPSTREAM, 3)
                            .nodes())
                    .filteredOn(node -> node.kind() == NodeKind.FIELD)
                    .extracting(LineageNode::id, LineageNode::retired)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("beta.right.amount", true),
                            org.assertj.core.groups.Tuple.tuple("beta.left.amount", false));
            assertThat(walking.lineage(ADMIN, NodeRef.product("gamma.join"), Direction.UPSTREAM, 3)
                            .nodes())
                    .filteredOn(node -> node.id().startsWith("beta.left"))
                    .extracting(LineageNode::retired)
                    .containsOnly(false);
        }

        Alert alert = outbox.newAlerts(10).stream()
                .filter(a -> a.kind().equals("RETIRED"))
                .findFirst()
                .orElseThrow();
        assertThat(alert.node()).isEqualTo(NodeRef.product("beta.right"));
        assertThat(alert.reason()).contains("beta.right was retired", HARVEST);
        assertThat(store.impact(ADMIN, alert.node(), null).ownersToNotify())
                .extracting(TeamToNotify::team)
                .as("who reads it downstream hears of it")
                .contains("gamma-team", "ops-team", "growth-team");
    }

    @Test
    void aRetiredProductDeclaredAgainComesBackWithARevisionThatSaysSo() {
        store.upsert(betaWithout("beta.right"), "text", HARVEST);

        List<UpsertOutcome> back = store.upsert(beta(), "text", HARVEST);

        assertThat(back)
                .filteredOn(o -> o.productId().equals("beta.right"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.change()).isEqualTo(UpsertOutcome.Change.UPDATED);
                    assertThat(o.changes())
                            .extracting(SchemaChange::toString)
                            .containsExactly("STATUS_CHANGED beta.right RETIRED -> DEPRECATED");
                });
        assertThat(store.lifecycle(ADMIN, List.of(NodeRef.product("beta.right"))))
                .containsEntry(
                        NodeRef.product("beta.right"), new Lifecycle(ProductStatus.DEPRECATED, null, null, null));
        assertThat(store.history(ADMIN, "beta.right", 10))
                .extracting(ProductRevision::number)
                .containsExactly(3, 2, 1);
    }

    @Test
    void aDroppedFieldIsRetiredAndKeptWhileTheRestOfItsDatasetLivesOn() {
        String withoutOrderId = Fixtures.text("lineage/beta.yaml").replace("""
                          - name: order_id
                            logicalType: string
                            transformSourceObjects: [alpha.source.order_id]
                """, "");
        clock.advance(Duration.ofHours(1));

        store.upsert(new DescriptorLoader().load("beta.yaml", withoutOrderId), withoutOrderId, HARVEST);

        Map<NodeRef, Lifecycle> lifecycles = store.lifecycle(
                ADMIN, List.of(NodeRef.field("beta.right.order_id"), NodeRef.field("beta.right.amount")));
        assertThat(lifecycles.get(NodeRef.field("beta.right.order_id")))
                .isEqualTo(new Lifecycle(ProductStatus.RETIRED, Instant.parse("2026-11-01T10:00:00Z"), HARVEST, null));
        assertThat(lifecycles.get(NodeRef.field("beta.right.amount")).status()).isEqualTo(ProductStatus.DEPRECATED);
        assertThat(count("MATCH (f:Field {id: 'beta.right.order_id'}) RETURN count(f) AS n"))
                .as("kept, though nothing derives from it")
                .isOne();
        assertThat(store.history(ADMIN, "beta.right", 1).get(0).changes())
                .extracting(SchemaChange::toString)
                .containsExactly("FIELD_REMOVED beta.right.order_id string -> ");
    }

    @Test
    void aDeprecationWithASunsetWarnsWhatReadsTheProduct() {
        String deprecated = Fixtures.text("lineage/beta.yaml").replace("""
                  - id: beta.left
                    name: Left
                    status: active
                """, """
                  - id: beta.left
                    name: Left
                    status: deprecated
                    sunsetDate: 2027-03-31
                """);

        store.upsert(new DescriptorLoader().load("beta.yaml", deprecated), deprecated, HARVEST);

        assertThat(store.history(ADMIN, "beta.left", 1).get(0).changes())
                .extracting(SchemaChange::toString)
                .containsExactly(
                        "STATUS_CHANGED beta.left ACTIVE -> DEPRECATED", "SUNSET_CHANGED beta.left  -> 2027-03-31");
        assertThat(store.lifecycle(ADMIN, List.of(NodeRef.dataset("beta.left"))).get(NodeRef.dataset("beta.left")))
                .isEqualTo(new Lifecycle(ProductStatus.DEPRECATED, null, null, LocalDate.parse("2027-03-31")));
        assertThat(outbox.newAlerts(10)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("DEPRECATED");
            assertThat(alert.reason())
                    .isEqualTo("beta.left is deprecated and goes away on 2027-03-31: move what " + "reads it off it");
        });
    }

    @Test
    void everyRevisionShowsTheWholeBeforeAndAfter() {
        String renamed = Fixtures.text("lineage/beta.yaml").replace("name: Right", "name: Right side");

        store.upsert(new DescriptorLoader().load("beta.yaml", renamed), renamed, HARVEST);

        List<ProductRevision> history = store.history(ADMIN, "beta.right", 10);
        assertThat(history).extracting(ProductRevision::number).containsExactly(2, 1);
        assertThat(history.get(0).changes())
                .extracting(SchemaChange::toString)
                .containsExactly("DESCRIPTION_CHANGED beta.right");
        assertThat(history.get(0).descriptor()).contains("name: Right side").doesNotContain("name: Right\n");
        assertThat(history.get(0).previousDescriptor())
                .isEqualTo(history.get(1).descriptor())
                .contains("name: Right\n");
        assertThat(history.get(1).previousDescriptor()).isNull();
        assertThat(new DescriptorLoader()
                        .load("revision 1", history.get(1).descriptor())
                        .products())
                .containsExactly(beta().products().stream()
                        .filter(p -> p.id().value().equals("beta.right"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aDigestThatChangedWithTheCatalogsVersionButNotTheProductRecordsNoRevision() {
        try (var session = driver.session()) {
            session.run("MATCH (p:DataProduct {id: 'beta.left'}) SET p.contentHash = 'digest of an older version'")
                    .consume();
        }

        List<UpsertOutcome> outcomes = store.upsert(beta(), "text", HARVEST);

        assertThat(outcomes)
                .filteredOn(o -> o.productId().equals("beta.left"))
                .extracting(UpsertOutcome::change)
                .containsExactly(UpsertOutcome.Change.UNCHANGED);
        assertThat(store.history(ADMIN, "beta.left", 10)).hasSize(1);
        assertThat(store.upsert(beta(), "text", HARVEST))
                .extracting(UpsertOutcome::change)
                .as("and the digest is the current one again")
                .containsOnly(UpsertOutcome.Change.UNCHANGED);
    }

    @Test
    void aDescriptorThatDeclaresNoProductRetiresNothingAndIsRefused() {
        List<String> before = GraphFingerprint.of(driver);

        assertThatThrownBy(() -> store.upsert(new DomainDescriptor(beta().domain(), List.of()), "text", HARVEST))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessage("the descriptor of domain beta declares no product, so every one of its 3 products would "
                        + "be retired; nothing was written (to retire them, declare each with status: retired)");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void aRenamedProductTakesOverTheDatasetsOfTheOneItReplaces() {
        String renamed = Fixtures.text("lineage/beta.yaml").replace("- id: beta.left\n", "- id: beta.left_side\n");

        List<UpsertOutcome> outcomes =
                store.upsert(new DescriptorLoader().load("beta.yaml", renamed), renamed, HARVEST);

        assertThat(outcomes)
                .extracting(UpsertOutcome::productId, UpsertOutcome::change)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("beta.left", UpsertOutcome.Change.RETIRED),
                        org.assertj.core.groups.Tuple.tuple("beta.left_side", UpsertOutcome.Change.CREATED));
        assertThat(store.dataset(ADMIN, "beta.left").orElseThrow().product()).isEqualTo("beta.left_side");
        assertThat(store.lifecycle(
                        ADMIN,
                        List.of(
                                NodeRef.dataset("beta.left"),
                                NodeRef.field("beta.left.amount"),
                                NodeRef.product("beta.left"))))
                .containsOnlyKeys(
                        NodeRef.dataset("beta.left"), NodeRef.field("beta.left.amount"), NodeRef.product("beta.left"))
                .extractingFromEntries(
                        e -> e.getKey().kind() + " " + e.getValue().status())
                .containsExactlyInAnyOrder("DATASET ACTIVE", "FIELD ACTIVE", "PRODUCT RETIRED");
        assertThat(store.impact(ADMIN, NodeRef.dataset("beta.left"), 2).nodes())
                .filteredOn(LineageNode::retired)
                .as("what the renamed product publishes is live")
                .isEmpty();
    }

    @Test
    void aProductDeclaredRetiredIsRetiredOnceAndItsReadersAreTold() {
        String retired = Fixtures.text("lineage/beta.yaml").replace("""
                  - id: beta.left
                    name: Left
                    status: active
                """, """
                  - id: beta.left
                    name: Left
                    status: retired
                """);
        clock.advance(Duration.ofHours(2));

        store.upsert(new DescriptorLoader().load("beta.yaml", retired), retired, HARVEST);
        clock.advance(Duration.ofHours(2));
        store.upsert(new DescriptorLoader().load("beta.yaml", retired), retired, "the next harvest");

        assertThat(store.lifecycle(ADMIN, List.of(NodeRef.product("beta.left"), NodeRef.field("beta.left.amount"))))
                .extractingFromEntries(
                        e -> e.getValue().retiredAt() + " " + e.getValue().retiredBy())
                .containsOnly("2026-11-01T11:00:00Z " + HARVEST);
        assertThat(outbox.newAlerts(10)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("RETIRED");
            assertThat(alert.subject()).isEqualTo("beta.left");
        });
    }

    private static DomainDescriptor beta() {
        return Fixtures.lineage().stream()
                .filter(d -> d.domain().id().value().equals("beta"))
                .findFirst()
                .orElseThrow();
    }

    private static DomainDescriptor betaWithout(String productId) {
        DomainDescriptor beta = beta();
        return new DomainDescriptor(
                beta.domain(),
                beta.products().stream()
                        .filter(p -> !p.id().value().equals(productId))
                        .toList());
    }

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get("n").asLong();
        }
    }
}
