package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.model.ProductStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Ranked full-text discovery. Neo4j's Lucene index (English analyzer, so "delays" finds "delay")
 * ranks up to {@link #CANDIDATES} candidates; the statement keeps those the viewer may see, so the total and
 * every facet count only what it may see; filters, facets (health too, judged at the store's clock) and paging
 * apply to those in Java. Blank text lists every node of the kinds asked by id, so by domain, each kind read in its
 * id index's order (the kinds go to the statement, so a kind is never crowded out by another).
 */
final class CatalogSearch {

    static final int CANDIDATES = 1_000;

    private final Driver driver;
    private final CypherLog cypher;
    private final Clock clock;

    CatalogSearch(Driver driver, CypherLog cypher, Clock clock) {
        this.driver = driver;
        this.cypher = cypher;
        this.clock = clock;
    }

    SearchPage search(ViewerParameters viewer, SearchQuery query) {
        String text = LuceneText.of(query.text());
        Record answer = text.isEmpty()
                ? cypher.read(
                                driver,
                                "browse",
                                viewer.with(
                                        "candidates",
                                        CANDIDATES,
                                        "kinds",
                                        query.kinds().stream()
                                                .map(Enum::name)
                                                .sorted()
                                                .toList(),
                                        "domain",
                                        query.domain()))
                        .records()
                        .get(0)
                : cypher.read(driver, "search", viewer.with("query", text, "candidates", CANDIDATES))
                        .records()
                        .get(0);
        Instant now = clock.instant();
        List<SearchHit> matching = answer.get("hits").asList(row -> hit(row, now)).stream()
                .filter(hit -> matches(query, hit))
                .toList();
        List<SearchHit> page =
                matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new SearchPage(
                page,
                matching.size(),
                query.offset(),
                query.limit(),
                facets(matching),
                answer.get("scanned").asInt() >= CANDIDATES);
    }

    /** What a retired product and what it published say of their status: out of search unless asked for. */
    private static final String RETIRED = ProductStatus.RETIRED.name();

    private static boolean matches(SearchQuery query, SearchHit hit) {
        return query.kinds().contains(hit.kind())
                && (query.domain() == null || query.domain().equals(hit.domain()))
                && (query.owner() == null || query.owner().equals(hit.owner()))
                && (query.status() == null
                        ? !RETIRED.equals(hit.status())
                        : query.status().equalsIgnoreCase(hit.status()))
                && (query.health() == null || query.health() == hit.health())
                && (query.tag() == null || hit.tags().contains(query.tag()))
                && (query.classification() == null
                        || hit.classifications().stream().anyMatch(c -> c.equalsIgnoreCase(query.classification())));
    }

    private static Map<String, List<FacetCount>> facets(List<SearchHit> hits) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        facets.put("kind", count(hits, hit -> List.of(hit.kind().name())));
        facets.put("domain", count(hits, hit -> List.of(hit.domain())));
        facets.put("owner", count(hits, hit -> hit.owner() == null ? List.of() : List.of(hit.owner())));
        facets.put("status", count(hits, hit -> List.of(hit.status())));
        facets.put("tag", count(hits, SearchHit::tags));
        facets.put("classification", count(hits, SearchHit::classifications));
        facets.put("health", count(hits, hit -> List.of(hit.health().name())));
        return facets;
    }

    private static List<FacetCount> count(List<SearchHit> hits, Function<SearchHit, List<String>> values) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SearchHit hit : hits) {
            values.apply(hit).stream()
                    .filter(Objects::nonNull)
                    .filter(v -> !v.isEmpty())
                    .distinct()
                    .forEach(value -> counts.merge(value, 1, Integer::sum));
        }
        List<FacetCount> result = new ArrayList<>();
        counts.forEach((value, count) -> result.add(new FacetCount(value, count)));
        result.sort(Comparator.comparingInt(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return result;
    }

    private static SearchHit hit(Value row, Instant now) {
        NodeKind kind = NodeKind.valueOf(row.get("kind").asString());
        String id = row.get("id").asString();
        HealthStatus health = RunReader.health(kind, id, row.get("health").asList(RunReader::facts), now)
                .status();
        return new SearchHit(
                kind,
                id,
                row.get("name").asString(""),
                row.get("description").asString(""),
                row.get("score").asDouble(),
                row.get("product").isNull() ? null : row.get("product").asString(),
                row.get("domain").asString(""),
                row.get("status").asString(""),
                row.get("owner").isNull() ? null : row.get("owner").asString(),
                CatalogReader.strings(row.get("tags")).stream().distinct().toList(),
                CatalogReader.strings(row.get("classifications")),
                health);
    }
}
