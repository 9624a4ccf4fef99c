package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.openlineage.OpenLineageReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/**
 * Who sees what through the walks (lineage, impact, change impact, governance), walking inside Neo4j and in plain
 * Cypher; the reads that do not walk are {@link VisibilityReadsIT}. The fixture's lineage runs from the public
 * {@code shop.orders} through the private {@code crm.contacts} (crm-team) to the internal {@code ads.audience}
 * (ads-team) and an ad platform outside the mesh: the private product must never show to an outsider, by name or by
 * count, while impact through it still says whom to tell.
 */
@Neo4jIntegrationTest
@ParameterizedClass
@EnumSource(LineageStore.Procedures.class)
class VisibilityIT {

    static final Viewer ANONYMOUS = Viewer.PUBLIC;
    static final Viewer OLGA = Viewer.of("olga", Set.of("ads-team"));
    static final Viewer OTTO = Viewer.of("otto", Set.of("ads-team"));
    static final Viewer CARL = Viewer.of("carl", Set.of("crm-team"));
    static final Viewer ADMIN = new Viewer(true, true, "root", Set.of());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LineageStore store;

    VisibilityIT(LineageStore.Procedures procedures, Driver driver) {
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock, procedures);
    }

    @BeforeEach
    void loadFixture() {
        store.initSchema();
        Fixtures.visibility().forEach(store::upsert);
    }

    @Test
    void impactThroughAPrivateProductNamesItsTeamButNoneOfItsItems() {
        ImpactReport impact = store.impact(OLGA, NodeRef.field("shop.orders.email"), null);

        assertThat(impact.nodes())
                .extracting(LineageNode::kind, LineageNode::id)
                .containsExactlyInAnyOrder(
                        tuple(NodeKind.FIELD, "ads.audience.hashed_email"), tuple(NodeKind.DATASET, "ads.audience"),
                        tuple(NodeKind.PRODUCT, "ads.audience"), tuple(NodeKind.CONSUMER, "ads.platform"));
        assertThat(impact.hidden()).containsExactly(new HiddenItems("crm-team", 4));
        assertThat(impact.ofKind(NodeKind.FIELD).get(0).path())
                .containsExactly("shop.orders.email", LineageNode.HIDDEN, "ads.audience.hashed_email");
        ImpactReport drawn = store.impact(OLGA, NodeRef.field("shop.orders.email"), null, true);
        assertThat(drawn.edges())
                .extracting(e -> e.from().id(), e -> e.to().id(), LineageEdge::kind)
                .contains(tuple("shop.orders.email", "ads.audience.hashed_email", LineageEdge.Kind.HIDDEN));
        assertThat(drawn.edges())
                .flatExtracting(e -> List.of(e.from().id(), e.to().id()))
                .noneMatch(id -> id.startsWith("crm."));
        assertThat(impact.ownersToNotify())
                .extracting(
                        TeamToNotify::team,
                        TeamToNotify::affected,
                        TeamToNotify::hiddenAffected,
                        TeamToNotify::nearestDegree)
                .containsExactly(
                        tuple("crm-team", List.of(), 2, 1),
                        tuple("ads-team", List.of("ads.audience", "ads.platform"), 0, 2));
        assertThat(impact.toString()).doesNotContain("crm.");

        ImpactReport team = store.impact(CARL, NodeRef.field("shop.orders.email"), null);
        assertThat(team.nodes()).hasSize(8);
        assertThat(team.hidden()).isEmpty();
        assertThat(team.ownersToNotify().get(0).affected()).containsExactly("crm.contacts", "crm.mailer");
    }

    @Test
    void anonymousImpactOfAPublicFieldCountsEverythingElseAsHidden() {
        ImpactReport impact = store.impact(ANONYMOUS, NodeRef.field("shop.orders.email"), null);

        assertThat(impact.nodes()).isEmpty();
        assertThat(impact.hidden()).containsExactly(new HiddenItems("ads-team", 4), new HiddenItems("crm-team", 4));
        assertThat(impact.ownersToNotify()).extracting(TeamToNotify::team).containsExactly("crm-team", "ads-team");
    }

    @Test
    void aConsumerIsAStartingPointOnlyForWhoMaySeeIt() {
        LineageResult upstream = store.lineage(OLGA, NodeRef.consumer("ads.platform"), Direction.UPSTREAM, null);
        assertThat(upstream.nodes())
                .extracting(LineageNode::id)
                .contains("ads.audience")
                .doesNotContain("crm.contacts");
        assertThatThrownBy(() -> store.lineage(ANONYMOUS, NodeRef.consumer("crm.mailer"), Direction.UPSTREAM, null))
                .isInstanceOf(UnknownNodeException.class);
    }

    @Test
    void lineageThroughAPrivateProductMasksItInPaths() {
        LineageResult upstream =
                store.lineage(OLGA, NodeRef.field("ads.audience.hashed_email"), Direction.UPSTREAM, null);

        assertThat(upstream.nodes())
                .extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("shop.orders.email", 2));
        assertThat(upstream.nodes().get(0).path())
                .containsExactly("ads.audience.hashed_email", LineageNode.HIDDEN, "shop.orders.email");
        assertThat(upstream.hidden()).containsExactly(new HiddenItems("crm-team", 1));

        LineageResult downstream = store.lineage(OLGA, NodeRef.product("shop.orders"), Direction.DOWNSTREAM, null);
        assertThat(downstream.nodes())
                .extracting(LineageNode::kind, LineageNode::id)
                .containsExactly(
                        tuple(NodeKind.PRODUCT, "ads.audience"),
                        tuple(NodeKind.DATASET, "ads.audience"),
                        tuple(NodeKind.CONSUMER, "ads.platform"));
        assertThat(downstream.nodes().get(2).path())
                .containsExactly("shop.orders", LineageNode.HIDDEN, "ads.audience", "ads.platform");
        assertThat(downstream.hidden()).containsExactly(new HiddenItems("crm-team", 3));
        assertThat(downstream.toString()).doesNotContain("crm.");
    }

    @Test
    void aHiddenStartingPointIsUnknownLikeOneThatDoesNotExist() {
        for (NodeRef hidden : List.of(
                NodeRef.product("crm.contacts"),
                NodeRef.dataset("crm.contacts"),
                NodeRef.field("crm.contacts.email"))) {
            assertThatThrownBy(() -> store.impact(OLGA, hidden, null))
                    .isInstanceOf(UnknownNodeException.class)
                    .hasMessage("the catalog has no " + hidden);
            assertThatThrownBy(() -> store.lineage(OLGA, hidden, Direction.UPSTREAM, null))
                    .isInstanceOf(UnknownNodeException.class);
        }
        assertThatThrownBy(() -> store.changeImpact(OLGA, List.of(FieldChange.drop("crm.contacts.email")), null))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessage("the catalog has no field crm.contacts.email");
    }

    @Test
    void changeImpactThroughAPrivateProductCountsWhatItBreaksThereWithoutNamingIt() {
        ChangeImpactReport report =
                store.changeImpact(OLGA, List.of(FieldChange.rename("shop.orders.email", "e_mail")), null);

        assertThat(report.breaks())
                .extracting(b -> b.node().id())
                .containsExactly("ads.audience", "ads.audience", "ads.audience.hashed_email", "ads.platform");
        assertThat(report.hidden()).containsExactly(new HiddenItems("crm-team", 4));
        assertThat(report.ownersToNotify()).extracting(TeamToNotify::team).containsExactly("crm-team", "ads-team");
        assertThat(report.toString()).doesNotContain("crm.");
    }

    @Test
    void aGrantShowsAPrivateProductToTheGrantedTeamUntilItExpires() {
        AccessRequest request = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(30)));
        store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "for the spring campaign");

        for (Viewer granted : List.of(OLGA, OTTO)) {
            assertThat(store.product(granted, "crm.contacts")).isPresent();
            assertThat(store.search(granted, SearchQuery.text("email")).total()).isEqualTo(3);
            assertThat(store.impact(granted, NodeRef.field("shop.orders.email"), null)
                            .hidden())
                    .isEmpty();
            assertThat(store.history(granted, "crm.contacts", 5)).hasSize(1);
        }
        assertThat(store.product(Viewer.of("sue", Set.of("shop-team")), "crm.contacts"))
                .isEmpty();

        clock.advance(Duration.ofDays(30));

        assertThat(store.product(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.search(OLGA, SearchQuery.text("email")).total()).isEqualTo(2);
        assertThat(store.impact(OLGA, NodeRef.field("shop.orders.email"), null).hidden())
                .containsExactly(new HiddenItems("crm-team", 4));
    }

    @Test
    void datasetsKnownOnlyFromOpenLineageAreForAuthenticatedViewers() {
        store.record(Viewer.EVERYTHING, new OpenLineageReader().read("""
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T08:00:00Z",
                 "producer": "https://example.com/exporter", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                 "run": {"runId": "5d1e1c9a-0c55-4c1b-9d2e-7a3b2c1d0e9f"},
                 "job": {"namespace": "exports", "name": "shop_emails"},
                 "inputs": [{"namespace": "warehouse", "name": "shop.orders"}],
                 "outputs": [{"namespace": "s3://lake", "name": "exports/shop_emails",
                   "facets": {"schema": {"fields": [{"name": "email", "type": "string"}]},
                     "columnLineage": {"fields": {"email": {"inputFields": [
                       {"namespace": "warehouse", "name": "shop.orders", "field": "email"}]}}}}}]}
                """));
        String export = "s3://lake/exports/shop_emails";

        assertThat(store.dataset(OLGA, export)).isPresent();
        assertThat(store.dataset(ANONYMOUS, export)).isEmpty();
        assertThat(store.impact(OLGA, NodeRef.field("shop.orders.email"), null).ofKind(NodeKind.DATASET))
                .extracting(LineageNode::id)
                .contains(export);
        ImpactReport anonymous = store.impact(ANONYMOUS, NodeRef.field("shop.orders.email"), null);
        assertThat(anonymous.hidden()).contains(new HiddenItems(null, 2));
        assertThat(anonymous.toString()).doesNotContain(export);
    }

    @Test
    void governanceFindingsShowWhatTheViewerMaySeeAndMaskThePathThroughTheRest() {
        GovernanceReport outsider = store.governanceFindings(OLGA);

        assertThat(outsider.findings())
                .extracting(
                        GovernanceFinding::consumer,
                        GovernanceFinding::piiField,
                        GovernanceFinding::productTeam,
                        GovernanceFinding::compliant)
                .containsExactly(tuple("ads.platform", "shop.orders.email", "shop-team", false));
        assertThat(outsider.findings().get(0).path())
                .containsExactly(
                        "shop.orders.email",
                        LineageNode.HIDDEN,
                        "ads.audience.hashed_email",
                        "ads.audience",
                        "ads.platform");
        assertThat(outsider.toString()).doesNotContain("crm.");

        assertThat(store.governanceFindings(ADMIN).findings())
                .extracting(GovernanceFinding::piiField)
                .containsExactly("crm.contacts.email", "shop.orders.email");
    }
}
