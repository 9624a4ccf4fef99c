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
 * Who sees what, read by read, walking inside Neo4j and in plain Cypher. The fixture's lineage runs from the public
 * {@code shop.orders} through the private {@code crm.contacts} (crm-team) to the internal {@code ads.audience}
 * (ads-team) and an ad platform outside the mesh: the private product must never show to an outsider, by name or by
 * count, while impact through it still says whom to tell.
 */
@Neo4jIntegrationTest
@ParameterizedClass
@EnumSource(LineageStore.Procedures.class)
class VisibilityIT {

    private static final Viewer ANONYMOUS = Viewer.PUBLIC;
    private static final Viewer OLGA = Viewer.of("olga", Set.of("ads-team"));
    private static final Viewer OTTO = Viewer.of("otto", Set.of("ads-team"));
    private static final Viewer CARL = Viewer.of("carl", Set.of("crm-team"));
    private static final Viewer ADMIN = new Viewer(true, true, "root", Set.of());

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
    void aPrivateProductReadByIdIsAbsentForAnOutsiderAndThereForItsTeamAndAdmins() {
        assertThat(store.product(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.dataset(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.field(OLGA, "crm.contacts.email")).isEmpty();
        assertThat(store.owners(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.history(OLGA, "crm.contacts", 10)).isEmpty();

        for (Viewer insider : List.of(CARL, ADMIN)) {
            assertThat(store.product(insider, "crm.contacts")).hasValueSatisfying(p -> {
                assertThat(p.visibility()).isEqualTo("PRIVATE");
                assertThat(p.consumers()).containsExactly("crm.mailer");
            });
            assertThat(store.dataset(insider, "crm.contacts")).isPresent();
            assertThat(store.field(insider, "crm.contacts.email")).isPresent();
            assertThat(store.owners(insider, "crm.contacts")).extracting(Owner::team).containsExactly("crm-team");
            assertThat(store.history(insider, "crm.contacts", 10)).hasSize(1);
        }
    }

    @Test
    void anonymousCallersSeePublicProductsOnlyAndAnyAuthenticatedCallerInternalOnes() {
        assertThat(store.product(ANONYMOUS, "shop.orders")).isPresent();
        assertThat(store.product(ANONYMOUS, "ads.audience")).isEmpty();
        assertThat(store.field(ANONYMOUS, "ads.audience.hashed_email")).isEmpty();
        assertThat(store.product(CARL, "ads.audience")).isPresent();
        assertThat(store.field(CARL, "ads.audience.hashed_email")).isPresent();
    }

    @Test
    void whatAVisibleProductDeclaresAboutAHiddenOneIsLeftOut() {
        assertThat(store.product(OLGA, "ads.audience").orElseThrow().inputs()).isEmpty();
        assertThat(store.field(OLGA, "ads.audience.hashed_email").orElseThrow().derivedFrom()).isEmpty();
        assertThat(store.dataset(OLGA, "ads.audience").orElseThrow().fields())
                .flatExtracting(FieldView::derivedFrom).isEmpty();

        assertThat(store.product(CARL, "ads.audience").orElseThrow().inputs()).containsExactly("crm.contacts");
        assertThat(store.field(CARL, "ads.audience.hashed_email").orElseThrow().derivedFrom())
                .containsExactly("crm.contacts.email");
    }

    @Test
    void searchCountsOnlyWhatTheViewerMaySeeInHitsTotalsAndFacets() {
        SearchPage outsider = store.search(OLGA, SearchQuery.text("email"));
        assertThat(outsider.hits()).extracting(SearchHit::id)
                .containsExactlyInAnyOrder("shop.orders.email", "ads.audience.hashed_email");
        assertThat(outsider.total()).isEqualTo(2);
        assertThat(outsider.facets().get("domain")).extracting(FacetCount::value).doesNotContain("crm");
        assertThat(outsider.facets().get("owner")).extracting(FacetCount::value).doesNotContain("crm-team");
        assertThat(outsider.facets().get("classification")).containsExactly(new FacetCount("PII", 2));

        SearchPage team = store.search(CARL, SearchQuery.text("email"));
        assertThat(team.total()).isEqualTo(3);
        assertThat(team.facets().get("domain")).contains(new FacetCount("crm", 1));
        assertThat(store.search(ANONYMOUS, SearchQuery.text("email")).hits()).extracting(SearchHit::id)
                .containsExactly("shop.orders.email");

        assertThat(store.search(OLGA, SearchQuery.text("secret contacts")).total()).isZero();
        SearchQuery products = SearchQuery.text("").withKinds(Set.of(NodeKind.PRODUCT));
        assertThat(store.search(OLGA, products).hits()).extracting(SearchHit::id)
                .containsExactly("ads.audience", "shop.orders");
        assertThat(store.search(ADMIN, products).total()).isEqualTo(3);
        // blank text lists the other kinds too, as the viewer may see them
        assertThat(store.search(OLGA, SearchQuery.text("")).hits()).extracting(SearchHit::product)
                .containsOnly("ads.audience", "shop.orders");
        assertThat(store.search(OLGA, SearchQuery.text("").page(0, 100)).facets().get("kind"))
                .extracting(FacetCount::value).contains("PRODUCT", "DATASET", "FIELD");
    }

    @Test
    void impactThroughAPrivateProductNamesItsTeamButNoneOfItsItems() {
        ImpactReport impact = store.impact(OLGA, NodeRef.field("shop.orders.email"), null);

        assertThat(impact.nodes()).extracting(LineageNode::kind, LineageNode::id).containsExactlyInAnyOrder(
                tuple(NodeKind.FIELD, "ads.audience.hashed_email"), tuple(NodeKind.DATASET, "ads.audience"),
                tuple(NodeKind.PRODUCT, "ads.audience"), tuple(NodeKind.CONSUMER, "ads.platform"));
        assertThat(impact.hidden()).containsExactly(new HiddenItems("crm-team", 4));
        assertThat(impact.ofKind(NodeKind.FIELD).get(0).path())
                .containsExactly("shop.orders.email", LineageNode.HIDDEN, "ads.audience.hashed_email");
        ImpactReport drawn = store.impact(OLGA, NodeRef.field("shop.orders.email"), null, true);
        assertThat(drawn.edges()).extracting(e -> e.from().id(), e -> e.to().id(), LineageEdge::kind)
                .contains(tuple("shop.orders.email", "ads.audience.hashed_email", LineageEdge.Kind.HIDDEN));
        assertThat(drawn.edges()).flatExtracting(e -> List.of(e.from().id(), e.to().id()))
                .noneMatch(id -> id.startsWith("crm."));
        assertThat(impact.ownersToNotify()).extracting(TeamToNotify::team, TeamToNotify::affected,
                TeamToNotify::hiddenAffected, TeamToNotify::nearestDegree).containsExactly(
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
        assertThat(upstream.nodes()).extracting(LineageNode::id).contains("ads.audience").doesNotContain("crm.contacts");
        assertThatThrownBy(() -> store.lineage(ANONYMOUS, NodeRef.consumer("crm.mailer"), Direction.UPSTREAM, null))
                .isInstanceOf(UnknownNodeException.class);
    }

    @Test
    void lineageThroughAPrivateProductMasksItInPaths() {
        LineageResult upstream = store.lineage(OLGA, NodeRef.field("ads.audience.hashed_email"), Direction.UPSTREAM,
                null);

        assertThat(upstream.nodes()).extracting(LineageNode::id, LineageNode::degree)
                .containsExactly(tuple("shop.orders.email", 2));
        assertThat(upstream.nodes().get(0).path())
                .containsExactly("ads.audience.hashed_email", LineageNode.HIDDEN, "shop.orders.email");
        assertThat(upstream.hidden()).containsExactly(new HiddenItems("crm-team", 1));

        LineageResult downstream = store.lineage(OLGA, NodeRef.product("shop.orders"), Direction.DOWNSTREAM, null);
        assertThat(downstream.nodes()).extracting(LineageNode::kind, LineageNode::id).containsExactly(
                tuple(NodeKind.PRODUCT, "ads.audience"), tuple(NodeKind.DATASET, "ads.audience"),
                tuple(NodeKind.CONSUMER, "ads.platform"));
        assertThat(downstream.nodes().get(2).path())
                .containsExactly("shop.orders", LineageNode.HIDDEN, "ads.audience", "ads.platform");
        assertThat(downstream.hidden()).containsExactly(new HiddenItems("crm-team", 3));
        assertThat(downstream.toString()).doesNotContain("crm.");
    }

    @Test
    void aHiddenStartingPointIsUnknownLikeOneThatDoesNotExist() {
        for (NodeRef hidden : List.of(NodeRef.product("crm.contacts"), NodeRef.dataset("crm.contacts"),
                NodeRef.field("crm.contacts.email"))) {
            assertThatThrownBy(() -> store.impact(OLGA, hidden, null)).isInstanceOf(UnknownNodeException.class)
                    .hasMessage("the catalog has no " + hidden);
            assertThatThrownBy(() -> store.lineage(OLGA, hidden, Direction.UPSTREAM, null))
                    .isInstanceOf(UnknownNodeException.class);
        }
        assertThatThrownBy(() -> store.changeImpact(OLGA, List.of(FieldChange.drop("crm.contacts.email")), null))
                .isInstanceOf(UnknownNodeException.class).hasMessage("the catalog has no field crm.contacts.email");
    }

    @Test
    void changeImpactThroughAPrivateProductCountsWhatItBreaksThereWithoutNamingIt() {
        ChangeImpactReport report = store.changeImpact(OLGA,
                List.of(FieldChange.rename("shop.orders.email", "e_mail")), null);

        assertThat(report.breaks()).extracting(b -> b.node().id())
                .containsExactly("ads.audience", "ads.audience", "ads.audience.hashed_email", "ads.platform");
        assertThat(report.hidden()).containsExactly(new HiddenItems("crm-team", 4));
        assertThat(report.ownersToNotify()).extracting(TeamToNotify::team).containsExactly("crm-team", "ads-team");
        assertThat(report.toString()).doesNotContain("crm.");
    }

    @Test
    void aGrantShowsAPrivateProductToTheGrantedTeamUntilItExpires() {
        AccessRequest request = store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences",
                clock.instant().plus(Duration.ofDays(30)));
        store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "for the spring campaign");

        for (Viewer granted : List.of(OLGA, OTTO)) {
            assertThat(store.product(granted, "crm.contacts")).isPresent();
            assertThat(store.search(granted, SearchQuery.text("email")).total()).isEqualTo(3);
            assertThat(store.impact(granted, NodeRef.field("shop.orders.email"), null).hidden()).isEmpty();
            assertThat(store.history(granted, "crm.contacts", 5)).hasSize(1);
        }
        assertThat(store.product(Viewer.of("sue", Set.of("shop-team")), "crm.contacts")).isEmpty();

        clock.advance(Duration.ofDays(30));

        assertThat(store.product(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.search(OLGA, SearchQuery.text("email")).total()).isEqualTo(2);
        assertThat(store.impact(OLGA, NodeRef.field("shop.orders.email"), null).hidden())
                .containsExactly(new HiddenItems("crm-team", 4));
    }

    @Test
    void aGrantToARequesterAloneShowsTheProductToNobodyElseOfItsTeam() {
        AccessRequest request = store.requestAccess(OLGA, "crm.contacts", null, "audit",
                clock.instant().plus(Duration.ofDays(7)));
        store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "");

        assertThat(store.product(OLGA, "crm.contacts")).isPresent();
        assertThat(store.product(OTTO, "crm.contacts")).isEmpty();
    }

    @Test
    void examplesOfPersonalAndRestrictedFieldsNeedTheirScope() {
        List<FieldView> fields = store.dataset(OLGA, "shop.orders").orElseThrow().fields();
        assertThat(fields).extracting(FieldView::name, FieldView::examples, FieldView::examplesWithheld)
                .containsExactly(tuple("order_id", List.of("o-1001", "o-1002"), false),
                        tuple("email", List.of(), true), tuple("card_last_digits", List.of(), true),
                        tuple("total", List.of("19.90", "250"), false));

        Viewer piiReader = OLGA.withScopes(Set.of("pii:read"));
        assertThat(store.field(piiReader, "shop.orders.email").orElseThrow().examples())
                .containsExactly("ana@example.com");
        assertThat(store.field(piiReader, "shop.orders.card_last_digits").orElseThrow().examplesWithheld()).isTrue();
        assertThat(store.field(OLGA.withScopes(Set.of("restricted:read")), "shop.orders.card_last_digits")
                .orElseThrow().examples()).containsExactly("4242");
        assertThat(store.field(ADMIN, "shop.orders.email").orElseThrow().examplesWithheld()).isTrue();
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
                .extracting(LineageNode::id).contains(export);
        ImpactReport anonymous = store.impact(ANONYMOUS, NodeRef.field("shop.orders.email"), null);
        assertThat(anonymous.hidden()).contains(new HiddenItems(null, 2));
        assertThat(anonymous.toString()).doesNotContain(export);
    }

    @Test
    void governanceFindingsShowWhatTheViewerMaySeeAndMaskThePathThroughTheRest() {
        GovernanceReport outsider = store.governanceFindings(OLGA);

        assertThat(outsider.findings()).extracting(GovernanceFinding::consumer, GovernanceFinding::piiField,
                GovernanceFinding::productTeam, GovernanceFinding::compliant)
                .containsExactly(tuple("ads.platform", "shop.orders.email", "shop-team", false));
        assertThat(outsider.findings().get(0).path()).containsExactly("shop.orders.email", LineageNode.HIDDEN,
                "ads.audience.hashed_email", "ads.audience", "ads.platform");
        assertThat(outsider.toString()).doesNotContain("crm.");

        assertThat(store.governanceFindings(ADMIN).findings()).extracting(GovernanceFinding::piiField)
                .containsExactly("crm.contacts.email", "shop.orders.email");
    }

    @Test
    void makingAProductInternalIsARevisionAndShowsItToEveryAuthenticatedViewer() {
        clock.advance(Duration.ofDays(1));
        store.upsert(Fixtures.yaml("crm.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: crm, name: CRM, team: {name: crm-team, members: [{username: carl, name: Carl Crm, role: owner}]}}
                products:
                  - id: crm.contacts
                    name: Secret contacts
                    status: active
                    visibility: internal
                    inputPorts: [{name: orders, contractId: shop.orders}]
                    schema:
                      - name: contacts
                        properties:
                          - {name: email, logicalType: string, classification: pii, transformSourceObjects: [shop.orders.email]}
                """));

        assertThat(store.history(OLGA, "crm.contacts", 1)).flatExtracting(ProductRevision::changes)
                .extracting(SchemaChange::toString).contains("VISIBILITY_CHANGED crm.contacts PRIVATE -> INTERNAL");
        assertThat(store.product(OLGA, "crm.contacts")).isPresent();
    }

    @Test
    void storedDescriptorsAreForViewersThatSeeEverything() {
        assertThat(store.descriptors(ADMIN)).isEmpty();
        assertThatThrownBy(() -> store.descriptors(CARL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a viewer that sees everything");
    }

    @Test
    void aDatasetAPrivateProductDroppedStaysAsPrivateAsTheProductWas() {
        String crm = Fixtures.text("visibility/crm.yaml");
        String withNotes = crm.replace("    consumers:\n", """
                      - name: notes
                        properties:
                          - {name: note, logicalType: string, classification: confidential, examples: [called back]}
                    consumers:
                """);
        store.upsert(Fixtures.yaml("crm.yaml", withNotes));

        store.upsert(Fixtures.yaml("crm.yaml", crm));

        assertThat(store.dataset(CARL, "crm.notes")).as("its team still sees it, retired").isPresent();
        assertThat(store.lifecycle(CARL, List.of(NodeRef.dataset("crm.notes"))).get(NodeRef.dataset("crm.notes"))
                .retired()).isTrue();
        assertThat(store.dataset(OLGA, "crm.notes")).as("an outsider does not").isEmpty();
        assertThat(store.field(OLGA, "crm.notes.note")).isEmpty();
        assertThat(store.lifecycle(OLGA, List.of(NodeRef.dataset("crm.notes"), NodeRef.field("crm.notes.note"))))
                .isEmpty();
    }

    @Test
    void aRevisionShowsPersonalExamplesOnlyToWhoMayReadThem() {
        assertThat(store.history(CARL, "crm.contacts", 1).get(0).descriptor()).as("the team, without pii:read")
                .contains("name: email").doesNotContain("ana@example.com");
        assertThat(store.history(CARL.withScopes(Set.of("pii:read")), "crm.contacts", 1).get(0).descriptor())
                .contains("ana@example.com");
        assertThat(store.history(ADMIN, "crm.contacts", 1).get(0).descriptor()).contains("ana@example.com");
    }
}
