package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Every behaviour twice: walking inside Neo4j with the store's procedures, and in plain Cypher. */
@Neo4jIntegrationTest
@ParameterizedClass
@EnumSource(LineageStore.Procedures.class)
class LineageStoreIT {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private final Driver driver;
    private final LineageStore.Procedures procedures;
    private final LineageStore store;

    LineageStoreIT(LineageStore.Procedures procedures, Driver driver) {
        this.driver = driver;
        this.procedures = procedures;
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock, procedures);
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));

    @BeforeEach
    void loadFixture() {
        store.initSchema();
        Fixtures.lineage().forEach(store::upsert);
    }

    @Test
    void loadingTheSameDescriptorsTwiceLeavesTheSameGraph() {
        List<String> before = GraphFingerprint.of(driver);

        List<UpsertOutcome> again = Fixtures.lineage().stream()
                .flatMap(d -> store.upsert(d).stream())
                .toList();

        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
        assertThat(again).extracting(UpsertOutcome::change).containsOnly(UpsertOutcome.Change.UNCHANGED);
    }

    @Test
    void loadingInAnyOrderGivesTheSameGraph() {
        List<String> forward = GraphFingerprint.of(driver);
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();

        List<DomainDescriptor> reversed = new java.util.ArrayList<>(Fixtures.lineage());
        java.util.Collections.reverse(reversed);
        reversed.forEach(store::upsert);

        assertThat(GraphFingerprint.of(driver)).isEqualTo(forward);
    }

    @Test
    void aDomainKeepsTheDescriptorTextItWasLastHarvestedFrom() throws IOException {
        assertThat(store.descriptors(ADMIN)).isEmpty();
        String alpha = Files.readString(Fixtures.path("lineage/alpha.yaml"));

        store.upsert(Fixtures.yaml("alpha.yaml", alpha), alpha);
        store.upsert(Fixtures.yaml("alpha.yaml", alpha));

        assertThat(store.descriptors(ADMIN)).containsExactly(entry("alpha", alpha));
    }

    @Test
    void upsertReplacesWhatAProductNoLongerDeclares() {
        DomainDescriptor slimmer = Fixtures.yaml("gamma.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: gamma, team: {name: gamma-team}}
                products:
                  - id: gamma.join
                    status: active
                    inputPorts: [{name: left, contractId: beta.left}]
                    schema:
                      - name: joined
                        properties:
                          - {name: total, logicalType: number, transformSourceObjects: [beta.left.amount]}
                """);

        List<UpsertOutcome> outcome = store.upsert(slimmer);

        assertThat(outcome)
                .extracting(UpsertOutcome::productId, UpsertOutcome::change)
                .containsExactly(
                        tuple("gamma.one", UpsertOutcome.Change.RETIRED),
                                tuple("gamma.three", UpsertOutcome.Change.RETIRED),
                        tuple("gamma.two", UpsertOutcome.Change.RETIRED),
                                tuple("gamma.join", UpsertOutcome.Change.UPDATED));
        assertThat(store.product(ADMIN, "gamma.one"))
                .as("retired, not forgotten")
                .isPresent();
        assertThat(store.product(ADMIN, "gamma.join").orElseThrow().inputs()).containsExactly("beta.left");
        assertThat(store.product(ADMIN, "gamma.join").orElseThrow().consumers()).isEmpty();
        assertThat(store.field(ADMIN, "gamma.joined.total").orElseThrow().derivedFrom())
                .containsExactly("beta.left.amount");
        assertThat(count("MATCH (c:Consumer) RETURN count(c) AS n")).isZero();
        assertThat(store.impact(ADMIN, NodeRef.dataset("beta.right"), 5).nodes())
                .isEmpty();
    }

    @Test
    void aChangedSchemaGetsANewRevisionWithWhatChangedAndWhen() {
        clock.advance(Duration.ofDays(3));
        store.upsert(Fixtures.yaml("beta.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: beta, team: {name: beta-team, members: [{username: bob, name: Bob Beta, role: owner}]}}
                products:
                  - id: beta.right
                    name: Right
                    status: retired
                    version: 2.0.0
                    inputPorts: [{name: source, contractId: alpha.source}]
                    schema:
                      - name: right
                        properties:
                          - {name: amount, logicalType: integer, transformSourceObjects: [alpha.source.amount]}
                          - {name: currency, logicalType: string, classification: public}
                """));

        List<ProductRevision> history = store.history(ADMIN, "beta.right", 10);

        assertThat(history)
                .extracting(ProductRevision::number, ProductRevision::at)
                .containsExactly(
                        tuple(2, Instant.parse("2026-11-04T09:00:00Z")),
                        tuple(1, Instant.parse("2026-11-01T09:00:00Z")));
        assertThat(history.get(0).changes())
                .extracting(SchemaChange::toString)
                .containsExactlyInAnyOrder(
                        "STATUS_CHANGED beta.right DEPRECATED -> RETIRED",
                        "VERSION_CHANGED beta.right  -> 2.0.0",
                        "FIELD_RETYPED beta.right.amount number -> integer",
                        "FIELD_ADDED beta.right.currency  -> string",
                        "FIELD_REMOVED beta.right.order_id string -> ");
        assertThat(history.get(1).changes()).extracting(SchemaChange::kind).containsExactly(SchemaChange.Kind.CREATED);
        assertThat(store.history(ADMIN, "beta.right", 1)).hasSize(1);
        assertThat(store.field(ADMIN, "beta.right.order_id"))
                .as("retired: kept, no longer declared")
                .hasValueSatisfying(field -> assertThat(field.placeholder()).isTrue());
        List<Alert> alerts = new Outbox(driver, clock).newAlerts(10);
        assertThat(alerts)
                .filteredOn(alert -> alert.kind().equals("RETIRED"))
                .extracting(Alert::subject)
                .as("declared retired, and the products this descriptor of beta leaves out")
                .containsExactlyInAnyOrder("beta.right", "beta.left", "beta.fan");
        assertThat(alerts)
                .filteredOn(alert -> alert.subject().equals("beta.right"))
                .singleElement()
                .satisfies(alert -> assertThat(alert.id()).isEqualTo("RETIRED beta.right r2"));
    }

    @Test
    void aProductThatTakesOverADatasetOfOneItsDomainNoLongerDeclaresPublishesItAndTheOtherIsRetired() {
        DomainDescriptor renamed = Fixtures.yaml(
                "alpha.yaml",
                Fixtures.text("lineage/alpha.yaml").replace("- id: alpha.source\n", "- id: alpha.origin\n"));

        List<UpsertOutcome> outcomes = store.upsert(renamed);

        assertThat(outcomes)
                .extracting(UpsertOutcome::productId, UpsertOutcome::change)
                .contains(
                        tuple("alpha.source", UpsertOutcome.Change.RETIRED),
                        tuple("alpha.origin", UpsertOutcome.Change.CREATED));
        assertThat(store.dataset(ADMIN, "alpha.source").orElseThrow().product()).isEqualTo("alpha.origin");
        assertThat(store.impact(ADMIN, NodeRef.dataset("alpha.source"), 1).nodes())
                .extracting(LineageNode::id)
                .as("its lineage stays")
                .contains("beta.left", "beta.right");
    }

    @Test
    void impactOnTheDiamondCountsTheBottomOnceAtItsNearestDegree() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.dataset("alpha.source"), null);

        assertThat(impact.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("beta.left", 1), tuple("beta.right", 1), tuple("gamma.joined", 2));
        assertThat(impact.ofKind(NodeKind.PRODUCT))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("beta.left", 1), tuple("beta.right", 1), tuple("gamma.join", 2));
        assertThat(impact.ofKind(NodeKind.CONSUMER))
                .extracting(LineageNode::id, LineageNode::degree, LineageNode::external)
                .containsExactly(tuple("ads.audience", 3, true), tuple("ops.dashboard", 3, false));
        assertThat(impact.ofKind(NodeKind.FIELD))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(
                        tuple("beta.left.amount", 1),
                        tuple("beta.right.amount", 1),
                        tuple("beta.right.order_id", 1),
                        tuple("gamma.joined.total", 2));
        assertThat(impact.ofKind(NodeKind.DATASET).get(2).path())
                .hasSize(3)
                .startsWith("alpha.source")
                .endsWith("gamma.joined");
        // the product publishing each dataset; a product is its own; consumers and fields name none
        assertThat(impact.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::productId)
                .containsExactly("beta.left", "beta.right", "gamma.join");
        assertThat(impact.ofKind(NodeKind.PRODUCT))
                .allSatisfy(p -> assertThat(p.productId()).isEqualTo(p.id()));
        assertThat(impact.nodes())
                .filteredOn(n -> n.kind() == NodeKind.CONSUMER || n.kind() == NodeKind.FIELD)
                .extracting(LineageNode::productId)
                .containsOnlyNulls();
        assertThat(impact.truncated()).isFalse();
    }

    @Test
    void edgesDrawBothSidesOfTheDiamondInTheDirectionDataFlows() {
        assertThat(store.impact(ADMIN, NodeRef.dataset("alpha.source"), null).edges())
                .isEmpty();

        ImpactReport impact = store.impact(ADMIN, NodeRef.dataset("alpha.source"), null, true);

        assertThat(impact.edges())
                .extracting(e -> e.from().id(), e -> e.to().id(), LineageEdge::kind)
                .contains(
                        tuple("alpha.source", "beta.left", LineageEdge.Kind.FEEDS),
                        tuple("alpha.source", "beta.right", LineageEdge.Kind.FEEDS),
                        // the bottom of the diamond has one path, through beta.left; both of its inputs are edges
                        tuple("beta.left", "gamma.joined", LineageEdge.Kind.FEEDS),
                        tuple("beta.right", "gamma.joined", LineageEdge.Kind.FEEDS),
                        tuple("gamma.joined", "ads.audience", LineageEdge.Kind.FEEDS),
                        tuple("gamma.joined", "ops.dashboard", LineageEdge.Kind.FEEDS),
                        tuple("alpha.source.amount", "beta.left.amount", LineageEdge.Kind.FEEDS),
                        tuple("beta.right.amount", "gamma.joined.total", LineageEdge.Kind.FEEDS));
        assertThat(impact.edges())
                .extracting(e -> e.from().kind() + " " + e.from().id() + " > " + e.to().id())
                .doesNotHaveDuplicates()
                .allSatisfy(edge -> assertThat(edge).doesNotStartWith("PRODUCT").doesNotStartWith("CONSUMER"));
        // the walk starts at the dataset's own columns: where they sit, read from the column, never a flow
        assertThat(impact.edges())
                .filteredOn(e -> e.from().id().equals("alpha.source.amount")
                        && e.to().id().equals("alpha.source"))
                .extracting(LineageEdge::kind)
                .containsExactly(LineageEdge.Kind.PART_OF);
        assertThat(impact.edges())
                .noneMatch(e -> e.kind() == LineageEdge.Kind.FEEDS
                        && e.to().id().startsWith(e.from().id() + "."));

        LineageResult upstream =
                store.lineage(ADMIN, NodeRef.field("gamma.joined.total"), Direction.UPSTREAM, null, true);
        assertThat(upstream.edges())
                .extracting(e -> e.from().id(), e -> e.to().id())
                .containsExactlyInAnyOrder(
                        tuple("beta.left.amount", "gamma.joined.total"),
                                tuple("beta.right.amount", "gamma.joined.total"),
                        tuple("alpha.source.amount", "beta.left.amount"),
                                tuple("alpha.source.amount", "beta.right.amount"));
    }

    @Test
    void aDatasetHitThroughItsColumnIsJoinedToItAsPartOf() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.field("alpha.source.amount"), null, true);

        assertThat(impact.edges())
                .extracting(e -> e.from().kind(), e -> e.from().id(), e -> e.to().id(), LineageEdge::kind)
                .contains(
                        tuple(NodeKind.FIELD, "alpha.source.amount", "beta.left.amount", LineageEdge.Kind.FEEDS),
                        tuple(NodeKind.FIELD, "beta.left.amount", "beta.left", LineageEdge.Kind.PART_OF),
                        tuple(NodeKind.FIELD, "gamma.joined.total", "gamma.joined", LineageEdge.Kind.PART_OF),
                        tuple(NodeKind.DATASET, "gamma.joined", "ops.dashboard", LineageEdge.Kind.FEEDS));
    }

    @Test
    void ownersToNotifyAreDeduplicatedPerTeamNearestFirst() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.product("alpha.source"), null);

        assertThat(impact.ownersToNotify())
                .extracting(TeamToNotify::team, TeamToNotify::affected, TeamToNotify::nearestDegree)
                .containsExactly(
                        tuple("beta-team", List.of("beta.right"), 1),
                        tuple("left-team", List.of("beta.left"), 1),
                        tuple("gamma-team", List.of("gamma.join"), 2),
                        tuple("growth-team", List.of("ads.audience"), 3),
                        tuple("ops-team", List.of("ops.dashboard"), 3));
        assertThat(impact.ownersToNotify().get(1).members())
                .extracting(Member::username)
                .containsExactly("lee");
    }

    @Test
    void aCycleTerminatesAndVisitsEachNodeOnce() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.product("gamma.one"), 20);

        assertThat(impact.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("gamma.two", 1), tuple("gamma.three", 2));
        assertThat(impact.ofKind(NodeKind.PRODUCT))
                .extracting(LineageNode::id)
                .containsExactly("gamma.two", "gamma.three");
        LineageResult upstream = store.lineage(ADMIN, NodeRef.dataset("gamma.one"), Direction.UPSTREAM, 20);
        assertThat(upstream.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("gamma.three", 1), tuple("gamma.two", 2));
    }

    @Test
    void fanOutReachesEveryLeafAtDegreeOne() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.dataset("alpha.hub"), 1);

        assertThat(impact.ofKind(NodeKind.DATASET))
                .hasSize(12)
                .allSatisfy(n -> assertThat(n.degree()).isEqualTo(1));
        assertThat(impact.ofKind(NodeKind.PRODUCT)).extracting(LineageNode::id).containsExactly("beta.fan");
        assertThat(impact.ownersToNotify()).extracting(TeamToNotify::team).containsExactly("beta-team");
    }

    @Test
    void depthIsClampedAndACutTraversalSaysSo() {
        LineageResult one = store.lineage(ADMIN, NodeRef.dataset("alpha.source"), Direction.DOWNSTREAM, 1);
        assertThat(one.depth()).isEqualTo(1);
        assertThat(one.truncated()).isTrue();
        assertThat(one.ofKind(NodeKind.DATASET)).extracting(LineageNode::id).containsExactly("beta.left", "beta.right");

        assertThat(store.lineage(ADMIN, NodeRef.dataset("alpha.source"), Direction.DOWNSTREAM, -5)
                        .depth())
                .isEqualTo(1);
        LineageResult huge = store.lineage(ADMIN, NodeRef.dataset("alpha.source"), Direction.DOWNSTREAM, 1_000_000);
        assertThat(huge.depth()).isEqualTo(TraversalLimits.DEFAULT.maxDepth());
        assertThat(huge.truncated()).isFalse();
        assertThat(store.lineage(ADMIN, NodeRef.dataset("alpha.source"), Direction.DOWNSTREAM, null)
                        .depth())
                .isEqualTo(TraversalLimits.DEFAULT.defaultDepth());
    }

    @Test
    void aNodeLimitTruncatesTheAnswer() {
        LineageStore small = new LineageStore(driver, new TraversalLimits(5, 10, 4), clock, procedures);

        ImpactReport impact = small.impact(ADMIN, NodeRef.dataset("alpha.hub"), 5);

        assertThat(impact.truncated()).isTrue();
        assertThat(impact.ofKind(NodeKind.DATASET)).hasSize(4);
    }

    @Test
    void fieldLevelLineageFollowsTransformSourceObjects() {
        LineageResult up = store.lineage(ADMIN, NodeRef.field("gamma.joined.total"), Direction.UPSTREAM, null);
        assertThat(up.nodes())
                .extracting(LineageNode::kind, LineageNode::id, LineageNode::degree)
                .containsExactly(
                        tuple(NodeKind.FIELD, "beta.left.amount", 1),
                        tuple(NodeKind.FIELD, "beta.right.amount", 1),
                        tuple(NodeKind.FIELD, "alpha.source.amount", 2));
        assertThat(up.nodes().get(2).path()).hasSize(3).first().isEqualTo("gamma.joined.total");

        ImpactReport down = store.impact(ADMIN, NodeRef.field("alpha.source.amount"), null);
        assertThat(down.ofKind(NodeKind.FIELD))
                .extracting(LineageNode::id)
                .containsExactly("beta.left.amount", "beta.right.amount", "gamma.joined.total");
        assertThat(down.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("beta.left", 1), tuple("beta.right", 1), tuple("gamma.joined", 2));
        assertThat(down.ofKind(NodeKind.CONSUMER))
                .extracting(LineageNode::id)
                .containsExactly("ads.audience", "ops.dashboard");
    }

    @Test
    void aFieldWithoutDerivedFieldsImpactsOnlyWhoReadsItsDataset() {
        ImpactReport impact = store.impact(ADMIN, NodeRef.field("alpha.source.email"), null);

        assertThat(impact.nodes()).isEmpty();
        assertThat(impact.truncated()).isFalse();
        ImpactReport joined = store.impact(ADMIN, NodeRef.field("gamma.joined.total"), null);
        assertThat(joined.ofKind(NodeKind.CONSUMER))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("ads.audience", 1), tuple("ops.dashboard", 1));
        assertThat(joined.truncated()).isFalse();
    }

    @Test
    void ownershipIsInheritedFromTheDomainWhenAProductNamesNoTeam() {
        assertThat(store.owners(ADMIN, "beta.right"))
                .extracting(Owner::team, Owner::inherited)
                .containsExactly(tuple("beta-team", true));
        assertThat(store.owners(ADMIN, "beta.left"))
                .extracting(Owner::team, Owner::inherited)
                .containsExactly(tuple("left-team", false));
        assertThat(store.product(ADMIN, "beta.right")
                        .orElseThrow()
                        .owners()
                        .get(0)
                        .members())
                .extracting(Member::username, Member::role)
                .containsExactly(tuple("bob", "owner"));
    }

    @Test
    void changeImpactSaysWhatBreaksWhyAndWhomToTell() {
        ChangeImpactReport report = store.changeImpact(
                ADMIN,
                List.of(
                        FieldChange.rename("beta.left.amount", "amount_eur"),
                        FieldChange.retype("alpha.source.order_id", "string")),
                null);

        assertThat(report.breaks())
                .extracting(b -> b.node().id())
                .containsExactly("gamma.join", "gamma.joined", "gamma.joined.total", "ads.audience", "ops.dashboard");
        assertThat(report.breaks().get(2).because())
                .containsExactly("downstream of beta.left.amount (degree 1), which is renamed to amount_eur");
        assertThat(report.ownersToNotify())
                .extracting(TeamToNotify::team)
                .containsExactly("gamma-team", "growth-team", "ops-team");
        assertThat(report.notes())
                .containsExactly("alpha.source.order_id is already of type string; retyping it changes nothing");
    }

    @Test
    void droppingAFieldReachesEveryDerivedField() {
        ChangeImpactReport report = store.changeImpact(ADMIN, List.of(FieldChange.drop("alpha.source.order_id")), 10);

        assertThat(report.breaks())
                .extracting(b -> b.node().kind(), b -> b.node().id())
                .contains(
                        tuple(NodeKind.FIELD, "beta.right.order_id"),
                        tuple(NodeKind.DATASET, "beta.right"),
                        tuple(NodeKind.PRODUCT, "beta.right"));
        assertThat(report.ownersToNotify()).extracting(TeamToNotify::team).contains("beta-team");
    }

    @Test
    void aConsumersLineageIsWhatFeedsItAndItsImpactIsNothing() {
        LineageResult upstream =
                store.lineage(ADMIN, NodeRef.consumer("ops.dashboard"), Direction.UPSTREAM, null, true);

        assertThat(upstream.ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(
                        tuple("gamma.joined", 1),
                        tuple("beta.left", 2),
                        tuple("beta.right", 2),
                        tuple("alpha.source", 3));
        assertThat(upstream.ofKind(NodeKind.PRODUCT))
                .extracting(LineageNode::id)
                .contains("gamma.join", "alpha.source");
        assertThat(upstream.edges())
                .extracting(e -> e.from().id(), e -> e.to().id())
                .contains(tuple("gamma.joined", "ops.dashboard"), tuple("beta.right", "gamma.joined"));
        assertThat(store.impact(ADMIN, NodeRef.consumer("ops.dashboard"), null).nodes())
                .isEmpty();
        assertThatThrownBy(() -> NodeRef.consumer("Not a consumer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid consumer id 'Not a consumer'");
    }

    @Test
    void unknownStartingPointsAreNamed() {
        assertThatThrownBy(() -> store.impact(ADMIN, NodeRef.product("alpha.nothing"), 3))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessage("the catalog has no product alpha.nothing");
        assertThatThrownBy(() -> store.changeImpact(ADMIN, List.of(FieldChange.drop("alpha.source.nope")), 3))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessageContaining("field alpha.source.nope");
        assertThatThrownBy(() -> NodeRef.dataset("not an id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid dataset id 'not an id'");
    }

    @Test
    void productDatasetAndFieldReadBackAsDeclared() {
        ProductView join = store.product(ADMIN, "gamma.join").orElseThrow();
        assertThat(join.datasets()).containsExactly("gamma.joined");
        assertThat(join.inputs()).containsExactly("beta.left", "beta.right");
        assertThat(join.consumers()).containsExactly("ads.audience", "ops.dashboard");
        DatasetView source = store.dataset(ADMIN, "alpha.source").orElseThrow();
        assertThat(source.product()).isEqualTo("alpha.source");
        assertThat(source.fields()).extracting(FieldView::name).containsExactly("order_id", "amount", "email");
        assertThat(source.fields().get(2).classification()).isEqualTo("PII");
        assertThat(store.product(ADMIN, "nope.nope")).isEmpty();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher)
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}
