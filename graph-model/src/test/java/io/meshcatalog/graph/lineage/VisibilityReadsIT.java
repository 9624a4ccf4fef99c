package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Who sees what, for the reads that do not walk (by id, search, history, examples, grants): once, where
 * {@link VisibilityIT} runs the walks inside Neo4j and in plain Cypher. Same fixture: the private {@code crm.contacts}
 * (crm-team) between the public {@code shop.orders} and the internal {@code ads.audience} must never show to an
 * outsider, by name or by count.
 */
@Neo4jIntegrationTest
class VisibilityReadsIT {

    private static final Viewer ANONYMOUS = VisibilityIT.ANONYMOUS;
    private static final Viewer OLGA = VisibilityIT.OLGA;
    private static final Viewer OTTO = VisibilityIT.OTTO;
    private static final Viewer CARL = VisibilityIT.CARL;
    private static final Viewer ADMIN = VisibilityIT.ADMIN;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LineageStore store;

    VisibilityReadsIT(Driver driver) {
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
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
            assertThat(store.owners(insider, "crm.contacts"))
                    .extracting(Owner::team)
                    .containsExactly("crm-team");
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
        assertThat(store.field(OLGA, "ads.audience.hashed_email").orElseThrow().derivedFrom())
                .isEmpty();
        assertThat(store.dataset(OLGA, "ads.audience").orElseThrow().fields())
                .flatExtracting(FieldView::derivedFrom)
                .isEmpty();

        assertThat(store.product(CARL, "ads.audience").orElseThrow().inputs()).containsExactly("crm.contacts");
        assertThat(store.field(CARL, "ads.audience.hashed_email").orElseThrow().derivedFrom())
                .containsExactly("crm.contacts.email");
    }

    @Test
    void searchCountsOnlyWhatTheViewerMaySeeInHitsTotalsAndFacets() {
        SearchPage outsider = store.search(OLGA, SearchQuery.text("email"));
        assertThat(outsider.hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("shop.orders.email", "ads.audience.hashed_email");
        assertThat(outsider.total()).isEqualTo(2);
        assertThat(outsider.facets().get("domain"))
                .extracting(FacetCount::value)
                .doesNotContain("crm");
        assertThat(outsider.facets().get("owner")).extracting(FacetCount::value).doesNotContain("crm-team");
        assertThat(outsider.facets().get("classification")).containsExactly(new FacetCount("PII", 2));

        SearchPage team = store.search(CARL, SearchQuery.text("email"));
        assertThat(team.total()).isEqualTo(3);
        assertThat(team.facets().get("domain")).contains(new FacetCount("crm", 1));
        assertThat(store.search(ANONYMOUS, SearchQuery.text("email")).hits())
                .extracting(SearchHit::id)
                .containsExactly("shop.orders.email");

        assertThat(store.search(OLGA, SearchQuery.text("secret contacts")).total())
                .isZero();
        SearchQuery products = SearchQuery.text("").withKinds(Set.of(NodeKind.PRODUCT));
        assertThat(store.search(OLGA, products).hits())
                .extracting(SearchHit::id)
                .containsExactly("ads.audience", "shop.orders");
        assertThat(store.search(ADMIN, products).total()).isEqualTo(3);
        // blank text lists the other kinds too, as the viewer may see them
        assertThat(store.search(OLGA, SearchQuery.text("")).hits())
                .extracting(SearchHit::product)
                .containsOnly("ads.audience", "shop.orders");
        assertThat(store.search(OLGA, SearchQuery.text("").page(0, 100))
                        .facets()
                        .get("kind"))
                .extracting(FacetCount::value)
                .contains("PRODUCT", "DATASET", "FIELD");
    }

    @Test
    void aGrantToARequesterAloneShowsTheProductToNobodyElseOfItsTeam() {
        AccessRequest request = store.requestAccess(
                OLGA, "crm.contacts", null, "audit", clock.instant().plus(Duration.ofDays(7)));
        store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "");

        assertThat(store.product(OLGA, "crm.contacts")).isPresent();
        assertThat(store.product(OTTO, "crm.contacts")).isEmpty();
    }

    @Test
    void examplesOfPersonalAndRestrictedFieldsNeedTheirScope() {
        List<FieldView> fields =
                store.dataset(OLGA, "shop.orders").orElseThrow().fields();
        assertThat(fields)
                .extracting(FieldView::name, FieldView::examples, FieldView::examplesWithheld)
                .containsExactly(
                        tuple("order_id", List.of("o-1001", "o-1002"), false),
                        tuple("email", List.of(), true),
                        tuple("card_last_digits", List.of(), true),
                        tuple("total", List.of("19.90", "250"), false));

        Viewer piiReader = OLGA.withScopes(Set.of("pii:read"));
        assertThat(store.field(piiReader, "shop.orders.email").orElseThrow().examples())
                .containsExactly("ana@example.com");
        assertThat(store.field(piiReader, "shop.orders.card_last_digits")
                        .orElseThrow()
                        .examplesWithheld())
                .isTrue();
        assertThat(store.field(OLGA.withScopes(Set.of("restricted:read")), "shop.orders.card_last_digits")
                        .orElseThrow()
                        .examples())
                .containsExactly("4242");
        assertThat(store.field(ADMIN, "shop.orders.email").orElseThrow().examplesWithheld())
                .isTrue();
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

        assertThat(store.history(OLGA, "crm.contacts", 1))
                .flatExtracting(ProductRevision::changes)
                .extracting(SchemaChange::toString)
                .contains("VISIBILITY_CHANGED crm.contacts PRIVATE -> INTERNAL");
        assertThat(store.product(OLGA, "crm.contacts")).isPresent();
    }

    @Test
    void storedDescriptorsAreForViewersThatSeeEverything() {
        assertThat(store.descriptors(ADMIN)).isEmpty();
        assertThatThrownBy(() -> store.descriptors(CARL))
                .isInstanceOf(IllegalArgumentException.class)
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

        assertThat(store.dataset(CARL, "crm.notes"))
                .as("its team still sees it, retired")
                .isPresent();
        assertThat(store.lifecycle(CARL, List.of(NodeRef.dataset("crm.notes")))
                        .get(NodeRef.dataset("crm.notes"))
                        .retired())
                .isTrue();
        assertThat(store.dataset(OLGA, "crm.notes")).as("an outsider does not").isEmpty();
        assertThat(store.field(OLGA, "crm.notes.note")).isEmpty();
        assertThat(store.lifecycle(OLGA, List.of(NodeRef.dataset("crm.notes"), NodeRef.field("crm.notes.note"))))
                .isEmpty();
    }

    @Test
    void aRevisionShowsPersonalExamplesOnlyToWhoMayReadThem() {
        assertThat(store.history(CARL, "crm.contacts", 1).get(0).descriptor())
                .as("the team, without pii:read")
                .contains("name: email")
                .doesNotContain("ana@example.com");
        assertThat(store.history(CARL.withScopes(Set.of("pii:read")), "crm.contacts", 1)
                        .get(0)
                        .descriptor())
                .contains("ana@example.com");
        assertThat(store.history(ADMIN, "crm.contacts", 1).get(0).descriptor()).contains("ana@example.com");
    }
}
