package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.procedures.search.SearchProcedures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The search index answers every search as Neo4j's full-text index does where that one is exact (fewer matches than
 * its candidates): the same hits, total and facet counts, for viewers who see everything, nothing private, one team's
 * or a grant's, after every kind of change to what a hit reads (health, owners, visibility, domains, tags, status,
 * labels, deletions) and with the clock moving; and past the full-text index's candidates it stays exact where that
 * one cannot. On the Neo4j of the suite (the plugin jar's procedures by default, the embedded Neo4j's with {@code
 * -Dit.neo4j=embedded}).
 */
@Neo4jIntegrationTest
class SearchIndexIT {

    private static final Viewer ADMIN = Viewer.EVERYTHING;
    private static final Viewer ANONYMOUS = Viewer.PUBLIC;
    private static final Viewer OLGA = Viewer.of("olga", Set.of("ads-team"));
    private static final Viewer CARL = Viewer.of("carl", Set.of("crm-team"));
    private static final Viewer CORA = Viewer.of("cora", Set.of("crm-squad"));
    private static final List<Viewer> VIEWERS = List.of(ADMIN, ANONYMOUS, OLGA, CARL, CORA);
    /** The viewers who search with every filter (the others without): one who sees all, one who sees by team and grant. */
    private static final List<Viewer> FILTERED_VIEWERS = List.of(ADMIN, OLGA);

    private static final List<String> TEXTS = List.of("order", "amount email", "contacts customers audience", "");
    private static final List<UnaryOperator<SearchQuery>> FILTERS = List.of(
            query -> query,
            query -> query.withKinds(Set.of(NodeKind.FIELD)),
            query -> query.withStatus("Deprecated"),
            query -> query.withStatus("retired"),
            query -> query.withClassification("PII"),
            query -> query.withTag("logistics"),
            query -> query.withHealth(HealthStatus.FAILING),
            query -> query.withHealth(HealthStatus.LATE),
            query -> query.withDomain("crm"),
            query -> query.withOwner("ads-team"));

    private final Driver driver;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LineageStore indexed;
    private final LineageStore fullText;

    SearchIndexIT(Driver driver) {
        this.driver = driver;
        this.indexed =
                new LineageStore(driver, TraversalLimits.DEFAULT, clock, LineageStore.Procedures.USE_WHEN_PRESENT);
        this.fullText = new LineageStore(driver, TraversalLimits.DEFAULT, clock, LineageStore.Procedures.NEVER);
    }

    @BeforeEach
    void load() {
        indexed.initSchema();
        Fixtures.lineage().forEach(indexed::upsert);
        Fixtures.visibility().forEach(indexed::upsert);
        awaitReady();
    }

    @Test
    void everySearchAnswersAsTheFullTextIndexAfterEveryChange() {
        List<Runnable> changes = List.of(
                // a dataset known only from OpenLineage, fed by a product's: its product is the feeding dataset's
                () -> run(
                        "MATCH (d:Dataset {id: 'beta.left'}) CREATE (d)-[:FEEDS]->(:Dataset {id: 'wh.daily', "
                                + "name: 'Daily order amounts', description: 'amount per order', placeholder: false, domain: ''})"),
                // health: a failed run, an SLA met, then missed as the clock moves
                () -> run("MATCH (d:Dataset {id: 'alpha.source'}) SET d.latestState = 'FAIL'"),
                () -> run("MATCH (d:Dataset) WHERE d.id STARTS WITH 'beta.' OR d.id STARTS WITH 'shop.' "
                        + "SET d.freshnessMs = 3600000, d.lastCompleteAt = datetime('2026-12-01T08:30:00Z')"),
                () -> clock.advance(Duration.ofMinutes(45)),
                // the private product's team renamed, the product made internal and private again
                () -> run("MATCH (t:Team {name: 'crm-team'}) SET t.name = 'crm-squad'"),
                () -> run("MATCH (p:DataProduct {id: 'crm.contacts'}) SET p.visibility = 'INTERNAL'"),
                () -> run("MATCH (p:DataProduct {id: 'crm.contacts'}) SET p.visibility = 'PRIVATE'"),
                // a grant to olga's team on the private product
                () -> {
                    AccessRequest request = indexed.requestAccess(
                            OLGA,
                            "crm.contacts",
                            "ads-team",
                            "advertising",
                            clock.instant().plus(Duration.ofDays(30)));
                    indexed.decideAccess(CORA, request.id(), AccessDecision.APPROVE, "granted");
                },
                // a product's tags, a field's classification, a product's status
                () -> run("MATCH (p:DataProduct) WHERE p.domain = 'beta' SET p.tags = ['logistics', 'finance']"),
                () -> run("MATCH (f:Field) WHERE f.id ENDS WITH '.amount' SET f.classification = 'pii'"),
                () -> run("MATCH (p:DataProduct) WHERE p.domain = 'alpha' WITH p ORDER BY p.id LIMIT 1 "
                        + "SET p.status = 'RETIRED'"),
                // a product moving to another domain, with another owner (its datasets and fields with it, as an upsert
                // moves them: a blank search narrows by a node's own domain)
                () -> run("MATCH (p:DataProduct {id: 'ads.audience'})-[i:IN_DOMAIN]->() DELETE i WITH p "
                        + "MATCH (d:Domain {id: 'crm'}) CREATE (p)-[:IN_DOMAIN]->(d) SET p.domain = 'crm' WITH p "
                        + "MATCH (p)-[:PRODUCES]->(ds:Dataset) SET ds.domain = 'crm' WITH ds "
                        + "MATCH (ds)-[:HAS_FIELD]->(f:Field) SET f.domain = 'crm'"),
                // a product losing its label, and getting it back; a dataset becoming a placeholder
                () -> run("MATCH (p:DataProduct {id: 'shop.orders'}) REMOVE p:DataProduct"),
                () -> run("MATCH (p {id: 'shop.orders'}) WHERE p.visibility IS NOT NULL SET p:DataProduct"),
                () -> run("MATCH (d:Dataset) WHERE d.domain = 'beta' WITH d ORDER BY d.id LIMIT 1 "
                        + "SET d.placeholder = true"),
                // a consumer no longer fed; a dataset, a team and a product deleted
                () -> run("MATCH (:Dataset)-[f:FEEDS]->(c:Consumer {id: 'ads.platform'}) DELETE f"),
                () -> run("MATCH (d:Dataset {id: 'alpha.source'}) DETACH DELETE d"),
                () -> run("MATCH (t:Team {name: 'ads-team'}) DETACH DELETE t"),
                () -> run("MATCH (p:DataProduct {id: 'crm.contacts'}) DETACH DELETE p"));
        int compared = bothAnswerAlike("before any change");
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).run();
            compared += bothAnswerAlike("after change " + (i + 1));
        }
        assertThat(compared)
                .isEqualTo((changes.size() + 1)
                        * TEXTS.size()
                        * (VIEWERS.size() + FILTERED_VIEWERS.size() * (FILTERS.size() - 1)));
    }

    @Test
    void pastTheFullTextCandidatesTotalsFacetsAndFiltersStayExact() throws InterruptedException {
        indexed.upsert(Fixtures.wide("aaa", 1_100, "c", "A column."));
        indexed.upsert(Fixtures.wide("zz", 2, "c", "A column."));
        SearchQuery columns = SearchQuery.text("column");

        SearchPage capped = fullText.search(ADMIN, columns);
        assertThat(capped.totalCapped()).isTrue();
        assertThat(capped.total()).isEqualTo(CatalogSearch.CANDIDATES);

        SearchPage exact = indexed.search(ADMIN, columns);
        assertThat(exact.totalCapped()).isFalse();
        assertThat(exact.total()).isEqualTo(1_102);
        assertThat(exact.facets().get("domain")).containsExactly(new FacetCount("aaa", 1_100), new FacetCount("zz", 2));
        assertThat(exact.facets().get("kind")).containsExactly(new FacetCount("FIELD", 1_102));
        // equal scores: the first page is the first ids in order
        assertThat(exact.hits())
                .extracting(SearchHit::id)
                .isEqualTo(IntStream.range(0, 1_100)
                        .mapToObj(i -> "aaa.wide.c" + i)
                        .sorted()
                        .limit(20)
                        .toList());

        // equal scores rank by id, so the full-text index's candidates are all of aaa's: zz's are past them
        assertThat(fullText.search(ADMIN, columns.withDomain("zz")).hits()).isEmpty();
        assertThat(indexed.search(ADMIN, columns.withDomain("zz")).hits())
                .extracting(SearchHit::id)
                .containsExactly("zz.wide.c0", "zz.wide.c1");
        assertThat(indexed.search(ADMIN, columns.page(1_100, 20)).hits())
                .extracting(SearchHit::id)
                .containsExactly("zz.wide.c0", "zz.wide.c1");
        assertThat(state()).isEqualTo("ready: " + catalogNodes() + " documents");
    }

    /** Each viewer's search of every text both ways, with every filter for the filtered viewers; how many were compared. */
    private int bothAnswerAlike(String when) {
        int compared = 0;
        for (Viewer viewer : VIEWERS) {
            for (String text : TEXTS) {
                for (UnaryOperator<SearchQuery> filter :
                        FILTERED_VIEWERS.contains(viewer) ? FILTERS : FILTERS.subList(0, 1)) {
                    SearchQuery query = filter.apply(SearchQuery.text(text)).page(0, 100);
                    SearchPage expected = fullText.search(viewer, query);
                    SearchPage actual = indexed.search(viewer, query);
                    String what = when + ": " + viewer.subject() + " searching " + query;
                    assertThat(expected.totalCapped()).as(what).isFalse();
                    assertThat(actual.totalCapped()).as(what).isFalse();
                    assertThat(actual.total()).as(what).isEqualTo(expected.total());
                    assertThat(actual.facets()).as(what).isEqualTo(expected.facets());
                    assertThat(unscored(actual.hits())).as(what).isEqualTo(unscored(expected.hits()));
                    SearchPage withoutFacets = indexed.search(viewer, query.withFacets(false));
                    assertThat(withoutFacets.hits())
                            .as(what + " without facets")
                            .isEqualTo(actual.hits());
                    assertThat(withoutFacets.total())
                            .as(what + " without facets")
                            .isEqualTo(actual.total());
                    assertThat(withoutFacets.facets())
                            .as(what + " without facets")
                            .isEmpty();
                    compared++;
                }
            }
        }
        return compared;
    }

    /** The hits without their scores (each index keeps its own statistics), in kind and id order. */
    private static List<SearchHit> unscored(List<SearchHit> hits) {
        List<SearchHit> unscored = new ArrayList<>();
        for (SearchHit hit : hits) {
            unscored.add(new SearchHit(
                    hit.kind(),
                    hit.id(),
                    hit.name(),
                    hit.description(),
                    0,
                    hit.product(),
                    hit.domain(),
                    hit.status(),
                    hit.owner(),
                    hit.tags(),
                    hit.classifications(),
                    hit.health()));
        }
        unscored.sort(Comparator.comparing((SearchHit hit) -> hit.kind().name()).thenComparing(SearchHit::id));
        return unscored;
    }

    private void run(String change) {
        assertThat(driver.executableQuery(change).execute().summary().counters().containsUpdates())
                .as("%s changes the graph", change)
                .isTrue();
    }

    private String state() {
        return driver.executableQuery("CALL " + SearchProcedures.SEARCH_INDEX + "() YIELD state RETURN state")
                .execute()
                .records()
                .get(0)
                .get("state")
                .asString()
                .replaceAll(", \\d+ transactions applied", "");
    }

    private long catalogNodes() {
        return driver.executableQuery(
                        "MATCH (n) WHERE n:DataProduct OR n:Dataset OR n:Field OR n:Consumer RETURN count(n) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private void awaitReady() {
        await("the search index is ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> state().startsWith("ready"));
        assertThat(state()).startsWith("ready");
    }
}
