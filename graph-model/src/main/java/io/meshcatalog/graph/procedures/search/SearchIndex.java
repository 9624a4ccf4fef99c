package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthStatus;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The catalog's search index: one Lucene document per catalog node ({@link SearchDocument}), in memory, analysed as
 * Neo4j's {@code catalog_text} index analyses (English), so a search ranks as the full-text index does; a search
 * without words lists every node by id. Unlike that index it filters, counts and facets over every match: totals and
 * facet counts are exact however many match. Not final only so that tests can make its writes fail.
 */
class SearchIndex implements Closeable {

    /** The facets, in the order the catalog lists them; each is a doc-values field of the same name. */
    static final List<String> FACETS = List.of("kind", "domain", "owner", "status", "tag", "classification");

    static final String HEALTH = "health";
    /** Neo4j's {@code english} analyzer, shared (an analyzer keeps each thread's components apart). */
    private static final EnglishAnalyzer ANALYZER = new EnglishAnalyzer();

    private static final String NODE = "node";
    private static final String ID = "id";
    static final String FAILING = "failing";
    static final String DUE = "due";
    private static final String STATUS_ANY_CASE = "status_lc";
    private static final String CLASSIFICATION_ANY_CASE = "classification_lc";
    private static final String VISIBILITY = "visibility";
    private static final String PLACEHOLDER = "placeholder";
    private static final String RANK = "rank";
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
    /** A search without words lists by id, and of one id a product, then a dataset, a field, a consumer. */
    private static final Sort BY_ID =
            new Sort(new SortField(ID, SortField.Type.STRING), new SortField(RANK, SortField.Type.INT));

    /** The kinds of node it keeps, in the order a listing puts one id's nodes. */
    static final List<String> KINDS = List.of("PRODUCT", "DATASET", "FIELD", "CONSUMER");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Map<String, FacetValues> facetValues = new HashMap<>();
    private final SegmentColumns.Cache columns = new SegmentColumns.Cache();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SearchIndex() {
        try {
            // a merged segment's columns are read by the merge thread, not by the search that first holds it
            writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER).setMergedSegmentWarmer(columns::of));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    columns.warm(reader);
                    return SearchThreads.EXECUTOR == null
                            ? new IndexSearcher(reader)
                            : new IndexSearcher(reader, SearchThreads.EXECUTOR);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FACETS.forEach(facet -> facetValues.put(facet, new FacetValues()));
    }

    /** Keeps the document, in place of the node's earlier one. */
    void put(SearchDocument document) throws IOException {
        writer.updateDocument(key(document.node()), lucene(document));
    }

    /** Forgets the node. */
    void remove(long node) throws IOException {
        writer.deleteDocuments(key(node));
    }

    /** Forgets every document. */
    void clear() throws IOException {
        writer.deleteAll();
    }

    /**
     * Makes what was put and removed so far visible to searches: a new searcher over the index's segments as they are
     * now (what was put since the last one flushed into a new segment, and the segments merges wrote).
     */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * A page of the search, with its total and each facet's {@code valuesPerFacet} most frequent values (none: no
     * facets), in one pass over the matches that scores, counts and ranks each. (A pass that counts without scoring,
     * then one that ranks and lets Lucene skip the matches whose terms cannot score into the page, was measured on
     * {@code SearchIndexBenchmark}'s searches: 5.0 against 7.1 ms for broad words with facets, 4.7 against 3.2 ms with a
     * tag and a kind; see graph-model/BENCHMARKS.md.)
     */
    SearchAnswer search(SearchRequest request, int valuesPerFacet) throws IOException, ParseException {
        IndexSearcher searcher = searchers.acquire();
        try {
            int wanted = (int) Math.min(
                    (long) request.offset() + request.limit(),
                    Math.max(1, searcher.getIndexReader().maxDoc()));
            boolean words = !request.text().isBlank();
            HealthStatus health = request.health() == null ? null : HealthStatus.valueOf(request.health());
            SearchCollector.Found found = searcher.search(
                    query(request),
                    new SearchCollector.Manager(
                            new TopFieldCollectorManager(
                                    words ? BEST_FIRST : BY_ID, wanted, null, Integer.MAX_VALUE, true),
                            columns,
                            request.now(),
                            health,
                            valuesPerFacet == 0
                                    ? List.of()
                                    : FACETS.stream().map(facetValues::get).toList(),
                            valuesPerFacet));
            ScoreDoc[] page = found.best().scoreDocs;
            List<Long> nodes = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (int i = request.offset(); i < page.length; i++) {
                nodes.add(searcher.storedFields()
                        .document(page[i].doc, Set.of(NODE))
                        .getField(NODE)
                        .numericValue()
                        .longValue());
                scores.add(words ? ((Float) ((FieldDoc) page[i]).fields[0]).doubleValue() : 0.0);
            }
            return new SearchAnswer(nodes, scores, found.total(), found.facets());
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query query(SearchRequest request) throws ParseException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (request.text().isBlank()) {
            query.add(new FieldExistsQuery(ID), Occur.FILTER);
        } else {
            String[] fields = SearchDocument.TEXT_PROPERTIES.toArray(String[]::new);
            query.add(new MultiFieldQueryParser(fields, ANALYZER).parse(request.text()), Occur.MUST);
        }
        query.add(new TermQuery(new Term(PLACEHOLDER, "true")), Occur.MUST_NOT);
        if (!request.kinds().containsAll(KINDS)) {
            query.add(anyOf("kind", request.kinds()), Occur.FILTER);
        }
        if (request.visibility() != null) {
            query.add(anyOf(VISIBILITY, request.visibility()), Occur.FILTER);
        }
        filter(query, "domain", request.domain());
        filter(query, "owner", request.owner());
        filter(query, "tag", request.tag());
        filter(query, CLASSIFICATION_ANY_CASE, lower(request.classification()));
        if (request.status() == null) {
            query.add(new TermQuery(new Term(STATUS_ANY_CASE, "retired")), Occur.MUST_NOT);
        } else {
            filter(query, STATUS_ANY_CASE, lower(request.status()));
        }
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static Query anyOf(String field, java.util.Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Term key(long node) {
        return new Term(NODE, Long.toString(node));
    }

    private Document lucene(SearchDocument document) {
        Document lucene = new Document();
        lucene.add(new StringField(NODE, Long.toString(document.node()), Field.Store.NO));
        lucene.add(new StoredField(NODE, document.node()));
        if (document.id() != null) {
            lucene.add(new SortedDocValuesField(ID, new BytesRef(document.id())));
        }
        lucene.add(new NumericDocValuesField(RANK, KINDS.indexOf(document.kind())));
        for (Map.Entry<String, List<String>> text : document.texts().entrySet()) {
            for (String value : text.getValue()) {
                lucene.add(new TextField(text.getKey(), value, Field.Store.NO));
            }
        }
        if (document.placeholder()) {
            lucene.add(new StringField(PLACEHOLDER, "true", Field.Store.NO));
        }
        facet(lucene, "kind", document.kind(), true);
        facet(lucene, "domain", document.domain(), true);
        facet(lucene, "owner", document.owner(), true);
        facet(lucene, "status", document.status(), false);
        lucene.add(new StringField(STATUS_ANY_CASE, document.status().toLowerCase(Locale.ROOT), Field.Store.NO));
        document.tags().forEach(tag -> facet(lucene, "tag", tag, true));
        for (String classification : document.classifications()) {
            facet(lucene, "classification", classification, false);
            lucene.add(
                    new StringField(CLASSIFICATION_ANY_CASE, classification.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        document.visibility().forEach(key -> lucene.add(new StringField(VISIBILITY, key, Field.Store.NO)));
        lucene.add(new NumericDocValuesField(FAILING, document.health().failing() ? 1 : 0));
        Instant due = document.health().earliestDue();
        if (due != null) {
            lucene.add(new NumericDocValuesField(DUE, SegmentColumns.nanos(due)));
        }
        return lucene;
    }

    /** A facet's value, as its number for counting and, when it is filtered on as it is, as a term. */
    private void facet(Document lucene, String field, String value, boolean filtered) {
        if (value != null && !value.isEmpty()) {
            lucene.add(new SortedNumericDocValuesField(
                    field, facetValues.get(field).number(value)));
            if (filtered) {
                lucene.add(new StringField(field, value, Field.Store.NO));
            }
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
