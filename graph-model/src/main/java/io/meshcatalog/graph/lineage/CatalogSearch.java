package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.model.ProductStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Ranked full-text discovery (English analysis, so "delays" finds "delay"); blank text lists every node by id. Where
 * the database has Mesh Catalog's search index and it is ready ({@code search-indexed.cypher}), the index filters,
 * counts and facets over every match, for what the viewer may see: the total and the facet counts are exact. Elsewhere
 * (a cluster, a server without the plugin, an index still being built) Neo4j's full-text index ranks up to
 * {@link #CANDIDATES} candidates; the
 * statement keeps those the viewer may see, and filters, facets (health too, judged at the store's clock) and paging
 * apply to those in Java, so a total past the candidates is a lower bound ({@code totalCapped}). Blank text lists every
 * node of the kinds asked by id, so by domain, each kind read in its id index's order (the kinds go to the statement,
 * so a kind is never crowded out by another), up to the same cap.
 */
final class CatalogSearch {

    static final int CANDIDATES = 1_000;

    /** How many values of each facet a search answers with: the most frequent ones. */
    static final int FACET_VALUES = 50;

    private final Driver driver;
    private final CypherLog cypher;
    private final Clock clock;
    private final ServerProcedures procedures;

    CatalogSearch(Driver driver, CypherLog cypher, Clock clock, ServerProcedures procedures) {
        this.driver = driver;
        this.cypher = cypher;
        this.clock = clock;
        this.procedures = procedures;
    }

    SearchPage search(ViewerParameters viewer, SearchQuery query) {
        String text = LuceneText.of(query.text());
        if (procedures.search()) {
            Record indexed = cypher.read(
                            driver,
                            "search-indexed",
                            viewer.with(
                                    "query", text,
                                    "filters", filters(query),
                                    "offset", query.offset(),
                                    "limit", query.limit(),
                                    "valuesPerFacet", query.facets() ? FACET_VALUES : 0))
                    .records()
                    .get(0);
            if (indexed.get("ready").asBoolean()) {
                Instant now = viewer.now().toInstant();
                Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
                indexed.get("facets").asMap(Value::asList).forEach((facet, counts) -> {
                    Map<String, Integer> byValue = new TreeMap<>();
                    counts.forEach(count -> {
                        List<?> pair = (List<?>) count;
                        byValue.put((String) pair.get(0), ((Number) pair.get(1)).intValue());
                    });
                    facets.put(facet, ranked(byValue));
                });
                return new SearchPage(
                        indexed.get("hits").asList(row -> hit(row, now)),
                        indexed.get("total").asInt(),
                        query.offset(),
                        query.limit(),
                        facets,
                        false);
            }
        }
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
                query.facets() ? facets(matching) : Map.of(),
                answer.get("scanned").asInt() >= CANDIDATES);
    }

    /** The query's filters as the search index reads them. */
    private static Map<String, Object> filters(SearchQuery query) {
        Map<String, Object> filters = new HashMap<>();
        filters.put("kinds", query.kinds().stream().map(Enum::name).sorted().toList());
        filters.put("domain", query.domain());
        filters.put("owner", query.owner());
        filters.put("tag", query.tag());
        filters.put("classification", query.classification());
        filters.put("status", query.status());
        filters.put("health", query.health() == null ? null : query.health().name());
        return filters;
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
        return ranked(counts);
    }

    /** The {@link #FACET_VALUES} most frequent values, the most first, then by value. */
    private static List<FacetCount> ranked(Map<String, Integer> counts) {
        List<FacetCount> result = new ArrayList<>();
        counts.forEach((value, count) -> result.add(new FacetCount(value, count)));
        result.sort(Comparator.comparingInt(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return result.size() > FACET_VALUES ? List.copyOf(result.subList(0, FACET_VALUES)) : result;
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
