package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

@Neo4jIntegrationTest
class CatalogSearchIT {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private static final String HOSTILE = "x'}) MATCH (n) DETACH DELETE n // \" OR 1=1; CALL db.clearQueryCaches()";

    private final Driver driver;
    private final LineageStore store;

    CatalogSearchIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(driver);
    }

    @BeforeEach
    void load() {
        store.initSchema();
        Fixtures.lineage().forEach(store::upsert);
        store.upsert(Fixtures.yaml(
                "delta.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: delta, team: {name: delta-team}}
                products:
                  - id: delta.delays
                    name: Shipping delays
                    status: active
                    tags: [logistics]
                    description:
                      purpose: Predicts which orders will be delayed, and by how many days.
                    schema:
                      - name: delays
                        description: One row per order with its predicted delay.
                        properties:
                          - {name: predicted_delay_days, logicalType: integer, description: Days of delay expected.}
                          - {name: customer_email, logicalType: string, classification: pii}
                  - id: delta.hostile
                    name: Hostile
                    status: draft
                    description:
                      purpose: "%s"
                    schema: [{name: hostile, properties: [{name: x, logicalType: string, description: "%s"}]}]
                """.formatted(HOSTILE.replace("\"", "\\\""), HOSTILE.replace("\"", "\\\""))));
    }

    @Test
    void wordFormsMatchAndTheBestHitComesFirst() {
        SearchPage page = store.search(ADMIN, SearchQuery.text("delays"));

        assertThat(page.hits()).isNotEmpty();
        assertThat(page.hits().get(0).id()).isEqualTo("delta.delays");
        assertThat(page.hits()).extracting(SearchHit::id).contains("delta.delays.predicted_delay_days");
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.domain()).isEqualTo("delta"));
        assertThat(page.hits()).extracting(SearchHit::owner).containsOnly("delta-team");
    }

    @Test
    void filtersNarrowAndFacetsCountTheMatchingHits() {
        SearchPage pii = store.search(ADMIN, SearchQuery.text("order").withClassification("pii"));
        assertThat(pii.hits())
                .extracting(SearchHit::kind, SearchHit::id)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NodeKind.PRODUCT, "delta.delays"),
                        org.assertj.core.groups.Tuple.tuple(NodeKind.DATASET, "delta.delays"),
                        org.assertj.core.groups.Tuple.tuple(NodeKind.DATASET, "alpha.source"));
        assertThat(store.search(ADMIN, SearchQuery.text("order")).hits())
                .extracting(SearchHit::id)
                .contains("alpha.source.order_id", "beta.right.order_id");

        SearchPage beta = store.search(
                ADMIN, SearchQuery.text("amount").withDomain("beta").withKinds(Set.of(NodeKind.FIELD)));
        assertThat(beta.hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("beta.left.amount", "beta.right.amount");
        assertThat(beta.facets().get("owner"))
                .containsExactlyInAnyOrder(new FacetCount("beta-team", 1), new FacetCount("left-team", 1));
        assertThat(store.search(ADMIN, SearchQuery.text("amount").withStatus("deprecated"))
                        .hits())
                .extracting(SearchHit::product)
                .containsOnly("beta.right");
        assertThat(store.search(ADMIN, SearchQuery.text("delay").withTag("logistics"))
                        .hits())
                .extracting(SearchHit::product)
                .containsOnly("delta.delays");
        assertThat(store.search(ADMIN, SearchQuery.text("amount").withOwner("left-team"))
                        .hits())
                .extracting(SearchHit::product)
                .containsOnly("beta.left");
    }

    @Test
    void pagesAreStableAndComplete() {
        SearchQuery query = SearchQuery.text("fan");
        SearchPage first = store.search(ADMIN, query.page(0, 5));
        SearchPage second = store.search(ADMIN, query.page(5, 5));
        SearchPage all = store.search(ADMIN, query.page(0, 100));

        assertThat(first.total()).isEqualTo(all.hits().size()).isGreaterThan(10);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.hits())
                .extracting(SearchHit::id)
                .containsExactlyElementsOf(
                        all.hits().subList(0, 5).stream().map(SearchHit::id).toList());
        assertThat(second.hits())
                .extracting(SearchHit::id)
                .containsExactlyElementsOf(
                        all.hits().subList(5, 10).stream().map(SearchHit::id).toList());
        assertThatThrownBy(() -> query.page(0, 1000)).hasMessageContaining("limit must be between 1 and 100");
    }

    @Test
    void blankTextListsEveryProductDatasetAndFieldById() {
        SearchPage page = store.search(ADMIN, SearchQuery.text("  ").page(0, 100));

        assertThat(page.facets().get("kind"))
                .contains(
                        new FacetCount("PRODUCT", 11),
                        new FacetCount("DATASET", count("Dataset")),
                        new FacetCount("FIELD", count("Field")));
        assertThat(page.total()).isEqualTo(11 + count("Dataset") + count("Field") + count("Consumer"));
        // by id, so by domain; a product before the dataset of the same id
        List<String> ids = page.hits().stream().map(SearchHit::id).toList();
        assertThat(ids).isSortedAccordingTo(String::compareTo);
        assertThat(page.hits())
                .filteredOn(hit -> hit.id().equals("delta.delays"))
                .extracting(SearchHit::kind)
                .containsExactly(NodeKind.PRODUCT, NodeKind.DATASET);
    }

    @Test
    void aBlankSearchInADomainLateInTheOrderFindsIt() {
        // more than the 1,000 candidates before it by id: the domain is not crowded out
        store.upsert(Fixtures.wide("aaa", 1_100, "f", ""));
        store.upsert(Fixtures.wide("zz", 2, "f", ""));

        SearchPage zz =
                store.search(ADMIN, SearchQuery.text("").withDomain("zz").page(0, 100));

        assertThat(zz.hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("zz.wide", "zz.wide", "zz.wide.f0", "zz.wide.f1");
        assertThat(zz.total()).isEqualTo(4);
    }

    @Test
    void blankTextWithKindsListsThoseKindsOnly() {
        SearchPage datasets = store.search(
                ADMIN, SearchQuery.text("").withKinds(Set.of(NodeKind.DATASET)).page(0, 100));
        assertThat(datasets.hits()).isNotEmpty().extracting(SearchHit::kind).containsOnly(NodeKind.DATASET);
        assertThat(datasets.total()).isEqualTo(count("Dataset"));
        assertThat(datasets.hits())
                .filteredOn(hit -> hit.id().equals("delta.delays"))
                .singleElement()
                .satisfies(hit -> assertThat(hit.product()).isEqualTo("delta.delays"))
                .satisfies(hit -> assertThat(hit.owner()).isEqualTo("delta-team"));

        SearchPage fields = store.search(
                ADMIN, SearchQuery.text("").withKinds(Set.of(NodeKind.FIELD)).page(0, 100));
        assertThat(fields.hits()).extracting(SearchHit::kind).containsOnly(NodeKind.FIELD);
        assertThat(fields.total()).isEqualTo(count("Field"));
    }

    @Test
    void blankTextPagesAreStableAndComplete() {
        SearchQuery blank = SearchQuery.text("");
        SearchPage all = store.search(ADMIN, blank.page(0, 100));
        SearchPage second = store.search(ADMIN, blank.page(5, 5));

        assertThat(second.total()).isEqualTo(all.total());
        assertThat(second.hits())
                .extracting(SearchHit::id)
                .containsExactlyElementsOf(
                        all.hits().subList(5, 10).stream().map(SearchHit::id).toList());
    }

    /** The stored nodes of a label the catalog lists (placeholders are not). */
    private int count(String label) {
        try (var session = driver.session()) {
            return session.run("MATCH (n:" + label + ") WHERE coalesce(n.placeholder, false) = false RETURN count(n)")
                    .single()
                    .get(0)
                    .asInt();
        }
    }

    @Test
    void textThatLooksLikeCypherOrLuceneIsStoredAndSearchedAsPlainData() {
        assertThat(store.product(ADMIN, "delta.hostile").orElseThrow().purpose())
                .isEqualTo(HOSTILE);
        assertThat(store.field(ADMIN, "delta.hostile.x").orElseThrow().description())
                .isEqualTo(HOSTILE);

        for (String text : List.of(
                HOSTILE, "DETACH DELETE", "*", "\"unclosed", "a AND (b OR", "name:x~2^3", "\\", "}) RETURN 1 //")) {
            SearchPage page = store.search(ADMIN, SearchQuery.text(text));
            assertThat(page.total()).as(text).isGreaterThanOrEqualTo(0);
        }
        assertThat(store.search(ADMIN, SearchQuery.text("DETACH DELETE")).hits())
                .extracting(SearchHit::product)
                .containsOnly("delta.hostile");
        assertThat(driver.executableQuery("MATCH (p:DataProduct) RETURN count(p) AS n")
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong())
                .isEqualTo(11);
    }
}
