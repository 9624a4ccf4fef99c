package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.jspecify.annotations.Nullable;

/**
 * Goes over every match of a search once, a slice of the index per thread: judges its health at the search's instant
 * (and drops it when a health was asked for and it has another), counts it and, when facets are asked for, its facet
 * values (read from {@link SegmentColumns}) and its health, and hands it on to the collector of the best ones.
 */
final class SearchCollector implements Collector {

    private final TopFieldCollector top;
    private final SegmentColumns.Cache columns;
    private final Instant now;
    private final @Nullable HealthStatus wanted;
    private final long[][] counts;
    private final long[] health = new long[HealthStatus.values().length];
    private long total;

    private SearchCollector(
            TopFieldCollector top,
            SegmentColumns.Cache columns,
            Instant now,
            @Nullable HealthStatus wanted,
            int[] facetSizes) {
        this.top = top;
        this.columns = columns;
        this.now = now;
        this.wanted = wanted;
        this.counts = new long[facetSizes.length][];
        for (int i = 0; i < facetSizes.length; i++) {
            counts[i] = new long[facetSizes[i]];
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector best = top.getLeafCollector(context);
        boolean facets = counts.length > 0;
        SegmentColumns segment = columns.of(context.reader());
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                best.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (wanted != null || facets) {
                    HealthStatus status = segment.health(doc, now);
                    if (wanted != null && status != wanted) {
                        return;
                    }
                    health[status.ordinal()]++;
                }
                total++;
                if (facets) {
                    segment.count(doc, counts);
                }
                best.collect(doc);
            }

            @Override
            public void finish() throws IOException {
                best.finish();
            }
        };
    }

    /** What a search found: how many matched, each facet's most frequent values and the page's best hits. */
    record Found(long total, Map<String, Map<String, Long>> facets, TopFieldDocs best) {}

    /** A collector per slice of the index, and their findings put together. */
    static final class Manager implements CollectorManager<SearchCollector, Found> {
        private final TopFieldCollectorManager top;
        private final SegmentColumns.Cache columns;
        private final Instant now;
        private final @Nullable HealthStatus wanted;
        private final List<FacetValues> facetValues;
        private final int[] facetSizes;
        private final int valuesPerFacet;

        /**
         * @param top the collector of the best matches
         * @param columns the index's segments' facet values and health facts
         * @param facetValues each facet's values, read after the searcher was acquired, so they hold every value its
         *     documents hold; none to count no facets
         */
        Manager(
                TopFieldCollectorManager top,
                SegmentColumns.Cache columns,
                Instant now,
                @Nullable HealthStatus wanted,
                List<FacetValues> facetValues,
                int valuesPerFacet) {
            this.top = top;
            this.columns = columns;
            this.now = now;
            this.wanted = wanted;
            this.facetValues = facetValues;
            this.facetSizes = facetValues.stream().mapToInt(FacetValues::size).toArray();
            this.valuesPerFacet = valuesPerFacet;
        }

        @Override
        public SearchCollector newCollector() throws IOException {
            return new SearchCollector(top.newCollector(), columns, now, wanted, facetSizes);
        }

        @Override
        public Found reduce(Collection<SearchCollector> collectors) throws IOException {
            long total = 0;
            long[] health = new long[HealthStatus.values().length];
            long[][] counts = new long[facetSizes.length][];
            for (int i = 0; i < facetSizes.length; i++) {
                counts[i] = new long[facetSizes[i]];
            }
            List<TopFieldCollector> tops = new ArrayList<>();
            for (SearchCollector collector : collectors) {
                total += collector.total;
                for (int s = 0; s < health.length; s++) {
                    health[s] += collector.health[s];
                }
                for (int i = 0; i < counts.length; i++) {
                    for (int v = 0; v < counts[i].length; v++) {
                        counts[i][v] += collector.counts[i][v];
                    }
                }
                tops.add(collector.top);
            }
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                facets.put(SearchIndex.FACETS.get(i), mostFrequent(counts[i], facetValues.get(i)));
            }
            Map<String, Long> byHealth = new LinkedHashMap<>();
            for (HealthStatus status : HealthStatus.values()) {
                if (health[status.ordinal()] > 0) {
                    byHealth.put(status.name(), health[status.ordinal()]);
                }
            }
            if (facetSizes.length > 0) {
                facets.put(SearchIndex.HEALTH, byHealth);
            }
            return new Found(total, facets, top.reduce(tops));
        }

        /**
         * The facet's {@link #valuesPerFacet} most frequent values, the most first and then by value: kept in a heap of
         * that many, worst on top, so a facet of many values is neither boxed nor sorted whole, and a value's text is
         * read only when its count is not below the worst kept.
         */
        private Map<String, Long> mostFrequent(long[] counts, FacetValues values) {
            record Counted(String value, long count) {}
            Comparator<Counted> worstFirst =
                    Comparator.comparingLong(Counted::count).thenComparing(Counted::value, Comparator.reverseOrder());
            PriorityQueue<Counted> kept = new PriorityQueue<>(worstFirst);
            for (int v = 0; v < counts.length; v++) {
                long count = counts[v];
                if (count == 0
                        || (kept.size() == valuesPerFacet && count < kept.peek().count())) {
                    continue;
                }
                Counted candidate = new Counted(values.value(v), count);
                if (kept.size() < valuesPerFacet) {
                    kept.add(candidate);
                } else if (worstFirst.compare(candidate, kept.peek()) > 0) {
                    kept.poll();
                    kept.add(candidate);
                }
            }
            List<Counted> best = new ArrayList<>(kept);
            best.sort(worstFirst.reversed());
            Map<String, Long> top = new LinkedHashMap<>();
            best.forEach(c -> top.put(c.value(), c.count()));
            return top;
        }
    }
}
