package io.meshcatalog.graph.procedures.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search of the index: the user's words (already escaped for Lucene's query syntax; none lists every node by id),
 * the filters (each optional,
 * compared as the catalog compares them: status and classification without regard to case, a RETIRED status left out
 * unless asked for), the keys the viewer holds (null: it sees everything), the instant health is judged at, and a page.
 */
record SearchRequest(
        String text,
        Set<String> kinds,
        @Nullable String domain,
        @Nullable String owner,
        @Nullable String tag,
        @Nullable String classification,
        @Nullable String status,
        @Nullable String health,
        @Nullable List<String> visibility,
        Instant now,
        int offset,
        int limit) {}
