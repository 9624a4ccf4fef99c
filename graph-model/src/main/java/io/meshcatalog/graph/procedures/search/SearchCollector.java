package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.health.HealthSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
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
 * (and drops it when a health was asked for and it has another), counts it and its facet values (as numbers, see
 * {@link FacetValues}), and hands it on to the collector of the best ones.
 */
final class SearchCollector implements Collector {

    private final TopFieldCollector top;
    private final Instant now;
    private final @Nullable HealthStatus wanted;
    private final long[][] counts;
    private final long[] health = new long[HealthStatus.values().length];
    private long total;

    private SearchCollector(TopFieldCollector top, Instant now, @Nullable HealthStatus wanted, int[] facetSizes) {
        this.top = top;
        this.now = now;
        this.wanted = wanted;
        this.counts = new long[facetSizes.length][];
        for (int i = 0; i < facetSizes.length; i++) {
            counts[i] = new long[facetSizes[i]];
        }
    }

    /** An instant as the index keeps it: nanoseconds since the epoch (an instant past 2262 as the largest). */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public ScoreMode scoreMode() {
        return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector best = top.getLeafCollector(context);
        NumericDocValues failing = DocValues.getNumeric(context.reader(), SearchIndex.FAILING);
        NumericDocValues due = DocValues.getNumeric(context.reader(), SearchIndex.DUE);
        SortedNumericDocValues[] values = new SortedNumericDocValues[SearchIndex.FACETS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSortedNumeric(context.reader(), SearchIndex.FACETS.get(i));
        }
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                best.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                boolean isFailing = failing.advanceExact(doc) && failing.longValue() == 1;
                Instant dueBy = due.advanceExact(doc) ? instant(due.longValue()) : null;
                HealthStatus status = new HealthSummary(isFailing, dueBy).statusAt(now);
                if (wanted != null && status != wanted) {
                    return;
                }
                total++;
                health[status.ordinal()]++;
                for (int i = 0; i < values.length; i++) {
                    if (values[i].advanceExact(doc)) {
                        for (int v = values[i].docValueCount(); v > 0; v--) {
                            counts[i][(int) values[i].nextValue()]++;
                        }
                    }
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
        private final Instant now;
        private final @Nullable HealthStatus wanted;
        private final List<FacetValues> facetValues;
        private final int[] facetSizes;
        private final int valuesPerFacet;

        /**
         * @param facetValues each facet's values, read after the searcher was acquired, so they hold every value its
         *     documents hold
         */
        Manager(
                TopFieldCollectorManager top,
                Instant now,
                @Nullable HealthStatus wanted,
                List<FacetValues> facetValues,
                int valuesPerFacet) {
            this.top = top;
            this.now = now;
            this.wanted = wanted;
            this.facetValues = facetValues;
            this.facetSizes = facetValues.stream().mapToInt(FacetValues::size).toArray();
            this.valuesPerFacet = valuesPerFacet;
        }

        @Override
        public SearchCollector newCollector() throws IOException {
            return new SearchCollector(top.newCollector(), now, wanted, facetSizes);
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
            facets.put(SearchIndex.HEALTH, byHealth);
            return new Found(total, facets, top.reduce(tops));
        }

        /**
         * The facet's {@link #valuesPerFacet} most frequent values, the most first and then by value: the values
         * counted at least as often as the last of them are read, so ties at the cut are broken by value.
         */
        private Map<String, Long> mostFrequent(long[] counts, FacetValues values) {
            List<Integer> counted = new ArrayList<>();
            for (int v = 0; v < counts.length; v++) {
                if (counts[v] > 0) {
                    counted.add(v);
                }
            }
            counted.sort(Comparator.comparingLong((Integer v) -> counts[v]).reversed());
            long least = counted.size() > valuesPerFacet ? counts[counted.get(valuesPerFacet - 1)] : 0;
            record Counted(String value, long count) {}
            List<Counted> candidates = new ArrayList<>();
            for (int v : counted) {
                if (counts[v] < least) {
                    break;
                }
                candidates.add(new Counted(values.value(v), counts[v]));
            }
            candidates.sort(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::value));
            Map<String, Long> top = new LinkedHashMap<>();
            candidates.stream().limit(valuesPerFacet).forEach(c -> top.put(c.value(), c.count()));
            return top;
        }
    }
}
