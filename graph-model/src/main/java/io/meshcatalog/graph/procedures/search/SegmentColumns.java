package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.health.HealthSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.jspecify.annotations.Nullable;

/**
 * A segment's facet values and health facts as plain arrays by document, read once from its doc values (segments never
 * change): by the merge that wrote a merged segment, else when a searcher first holds the segment. So counting a
 * match's facets reads memory instead of decoding doc values. A document is one row of eight ints (32 bytes, read together, where the doc values of six facets are six
 * reads in six places): its first value of each facet (-1 for none), its health flags and where its due instant is
 * kept; a facet's further values (a second tag …) are listed apart. {@code SearchIndexBenchmark} measures what it saves.
 */
final class SegmentColumns {

    /** A row: each facet's first value, then the flags, then the due instant's place in {@link #dues}. */
    private static final int FLAGS = SearchIndex.FACETS.size();

    private static final int DUE = FLAGS + 1;
    private static final int WIDTH = DUE + 1;
    private static final int FAILING = 1;
    private static final int MORE = 2;

    private final int[] rows;
    private final long[] dues;
    /**
     * Where each document's further values start in {@link #moreFacets} and {@link #moreValues} (a document's end is the
     * next one's start); null when no document of the segment has more than one value of a facet.
     */
    private final int @Nullable [] moreStarts;

    private final int[] moreFacets;
    private final int[] moreValues;

    private SegmentColumns(int[] rows, long[] dues, int @Nullable [] moreStarts, int[] moreFacets, int[] moreValues) {
        this.rows = rows;
        this.dues = dues;
        this.moreStarts = moreStarts;
        this.moreFacets = moreFacets;
        this.moreValues = moreValues;
    }

    /** The facet values of a segment's documents, by facet, and their health facts. */
    static SegmentColumns read(LeafReader segment) throws IOException {
        int documents = segment.maxDoc();
        int[] rows = new int[Math.multiplyExact(documents, WIDTH)];
        Arrays.fill(rows, -1);
        for (int doc = 0; doc < documents; doc++) {
            rows[doc * WIDTH + FLAGS] = 0;
        }
        // first values in the rows, and how many more each document has; then those, in a second pass
        int[] moreStarts = null;
        for (int facet = 0; facet < FLAGS; facet++) {
            SortedNumericDocValues values = facet(segment, facet);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                rows[doc * WIDTH + facet] = (int) values.nextValue();
                if (values.docValueCount() > 1) {
                    moreStarts = moreStarts == null ? new int[documents + 1] : moreStarts;
                    moreStarts[doc + 1] += values.docValueCount() - 1;
                    rows[doc * WIDTH + FLAGS] |= MORE;
                }
            }
        }
        int[] moreFacets = new int[0];
        int[] moreValues = new int[0];
        if (moreStarts != null) {
            Arrays.parallelPrefix(moreStarts, Integer::sum);
            moreFacets = new int[moreStarts[documents]];
            moreValues = new int[moreStarts[documents]];
            int[] next = Arrays.copyOf(moreStarts, documents);
            for (int facet = 0; facet < FLAGS; facet++) {
                SortedNumericDocValues values = facet(segment, facet);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    values.nextValue();
                    for (int v = values.docValueCount() - 1; v > 0; v--) {
                        moreFacets[next[doc]] = facet;
                        moreValues[next[doc]++] = (int) values.nextValue();
                    }
                }
            }
        }
        NumericDocValues failing = DocValues.getNumeric(segment, SearchIndex.FAILING);
        for (int doc = failing.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = failing.nextDoc()) {
            if (failing.longValue() == 1) {
                rows[doc * WIDTH + FLAGS] |= FAILING;
            }
        }
        NumericDocValues due = DocValues.getNumeric(segment, SearchIndex.DUE);
        long[] dues = new long[Math.toIntExact(due.cost())];
        int kept = 0;
        for (int doc = due.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = due.nextDoc()) {
            if (kept == dues.length) {
                dues = Arrays.copyOf(dues, kept * 2 + 1);
            }
            rows[doc * WIDTH + DUE] = kept;
            dues[kept++] = due.longValue();
        }
        return new SegmentColumns(rows, Arrays.copyOf(dues, kept), moreStarts, moreFacets, moreValues);
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

    private static SortedNumericDocValues facet(LeafReader segment, int facet) throws IOException {
        return DocValues.getSortedNumeric(segment, SearchIndex.FACETS.get(facet));
    }

    /** The document's health at {@code now}, judged by {@link HealthSummary}. */
    HealthStatus health(int doc, Instant now) {
        int row = doc * WIDTH;
        Instant dueBy = rows[row + DUE] < 0 ? null : instant(dues[rows[row + DUE]]);
        return new HealthSummary((rows[row + FLAGS] & FAILING) != 0, dueBy).statusAt(now);
    }

    /** Counts the document's values of each facet, in its array of counts by value number. */
    void count(int doc, long[][] counts) {
        int row = doc * WIDTH;
        for (int facet = 0; facet < FLAGS; facet++) {
            int value = rows[row + facet];
            if (value >= 0) {
                counts[facet][value]++;
            }
        }
        if ((rows[row + FLAGS] & MORE) != 0 && moreStarts != null) {
            for (int i = moreStarts[doc]; i < moreStarts[doc + 1]; i++) {
                counts[moreFacets[i]][moreValues[i]]++;
            }
        }
    }

    /** The columns of the index's segments, each read once and forgotten when its segment is closed. */
    static final class Cache {
        private final Map<IndexReader.CacheKey, SegmentColumns> segments = new ConcurrentHashMap<>();

        /**
         * The segment's columns, read now if not read before: a merged segment's are read by the merge, before any
         * searcher holds it ({@code IndexWriterConfig.setMergedSegmentWarmer}).
         */
        SegmentColumns of(LeafReader segment) {
            IndexReader.CacheHelper core = segment.getCoreCacheHelper();
            return segments.computeIfAbsent(core.getKey(), key -> {
                SegmentColumns columns;
                try {
                    columns = read(segment);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                core.addClosedListener(segments::remove);
                return columns;
            });
        }

        /** Reads the columns of every segment of {@code reader} not read yet (a new searcher's, before it serves). */
        void warm(IndexReader reader) {
            reader.leaves().forEach(leaf -> of(leaf.reader()));
        }
    }
}
