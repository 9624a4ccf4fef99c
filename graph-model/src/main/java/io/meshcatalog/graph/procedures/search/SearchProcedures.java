package io.meshcatalog.graph.procedures.search;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * The catalog's search, answered by the database's {@link SearchIndex}: the page of hits, the exact total and every
 * facet's counts over all matches. When the database has no index, or it is still being built, or it has not caught up
 * with what was committed before the search within {@link #CATCH_UP}, the answer says it is not ready, and the
 * catalog searches the full-text index instead.
 */
public final class SearchProcedures {

    public static final String SEARCH = "meshcatalog.search";
    public static final String SEARCH_INDEX = "meshcatalog.searchIndex";

    /** The largest page; the offset is at most a hundred of them. */
    static final int MAX_PAGE = 100;

    /** How long a search waits for the index to take in what was committed before it. */
    static final Duration CATCH_UP = Duration.ofSeconds(2);

    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseService db;

    /** One answer: whether the index gave it, the page's nodes and scores, the total, the facets. */
    public static final class Answer {
        public boolean ready;
        public List<Node> nodes;
        public List<Double> scores;
        public long total;
        public Map<String, Object> facets;

        Answer(boolean ready, List<Node> nodes, List<Double> scores, long total, Map<String, Object> facets) {
            this.ready = ready;
            this.nodes = nodes;
            this.scores = scores;
            this.total = total;
            this.facets = facets;
        }
    }

    @Procedure(name = SEARCH, mode = Mode.READ)
    @Description("Full-text search of the catalog's nodes over its search index: the words (Lucene syntax, escaped), "
            + "filters {kinds, domain, owner, tag, classification, status, health}, the viewer {everything, "
            + "authenticated, teams, grants (product ids)}, the instant health is judged at, a page and how many values "
            + "of each facet (0: no facets); answers the page's nodes and scores best first, the total and each facet's most frequent "
            + "[value, count] over all matches, or ready false when the index cannot answer.")
    public Stream<Answer> search(
            @Name("text") String text,
            @Name("filters") Map<String, Object> filters,
            @Name("viewer") Map<String, Object> viewer,
            @Name("now") ZonedDateTime now,
            @Name("offset") long offset,
            @Name("limit") long limit,
            @Name("valuesPerFacet") long valuesPerFacet)
            throws Exception {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE || offset > MAX_PAGE * 100L) {
            throw new IllegalArgumentException("a page of 1 to " + MAX_PAGE + " hits from an offset of 0 to "
                    + MAX_PAGE * 100 + ", got " + limit + " from " + offset);
        }
        SearchIndexer indexer = SearchIndexExtension.of(((GraphDatabaseAPI) db).databaseId());
        if (indexer == null || !indexer.await(indexer.told(), CATCH_UP)) {
            return Stream.of(new Answer(false, List.of(), List.of(), 0, Map.of()));
        }
        SearchRequest request = new SearchRequest(
                text,
                strings(filters.get("kinds")).isEmpty()
                        ? Set.copyOf(SearchIndex.KINDS)
                        : new TreeSet<>(strings(filters.get("kinds"))),
                string(filters.get("domain")),
                string(filters.get("owner")),
                string(filters.get("tag")),
                string(filters.get("classification")),
                string(filters.get("status")),
                string(filters.get("health")),
                Visibility.ofViewer(
                        Boolean.TRUE.equals(viewer.get("everything")),
                        Boolean.TRUE.equals(viewer.get("authenticated")),
                        strings(viewer.get("teams")),
                        strings(viewer.get("grants"))),
                now.toInstant(),
                Math.toIntExact(offset),
                Math.toIntExact(limit));
        SearchAnswer answer;
        try {
            answer = indexer.index().search(request, Math.toIntExact(Math.max(0, valuesPerFacet)));
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("search text cannot be searched: " + e.getMessage(), e);
        }
        List<Node> nodes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < answer.nodes().size(); i++) {
            Node node = node(answer.nodes().get(i));
            if (node != null) {
                nodes.add(node);
                scores.add(answer.scores().get(i));
            }
        }
        Map<String, Object> facets = new LinkedHashMap<>();
        answer.facets()
                .forEach((facet, counts) -> facets.put(
                        facet,
                        counts.entrySet().stream()
                                .map(count -> List.<Object>of(count.getKey(), count.getValue()))
                                .toList()));
        return Stream.of(new Answer(true, nodes, scores, answer.total(), facets));
    }

    @SuppressWarnings("removal")
    private @Nullable Node node(long id) {
        try {
            return tx.getNodeById(id);
        } catch (org.neo4j.graphdb.NotFoundException deletedSinceIndexed) {
            return null;
        }
    }

    /** What {@link #searchIndex} answers. */
    public static final class IndexState {
        public String state;

        IndexState(String state) {
            this.state = state;
        }
    }

    @Procedure(name = SEARCH_INDEX, mode = Mode.READ)
    @Description("The state of this database's search index: off, building, ready with its size, or failed.")
    public Stream<IndexState> searchIndex() {
        SearchIndexer indexer = SearchIndexExtension.of(((GraphDatabaseAPI) db).databaseId());
        return Stream.of(new IndexState(indexer == null ? "off" : indexer.describe()));
    }

    private static @Nullable String string(@Nullable Object value) {
        return value instanceof String text ? text : null;
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
