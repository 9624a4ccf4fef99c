package io.meshcatalog.graph.lineage;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, best first, with the total and the facet counts over all matching hits (none when the query asked
 * for no facets).
 * {@code totalCapped} says the full-text candidates hit their cap, so the total is a lower bound.
 */
public record SearchPage(
        List<SearchHit> hits,
        int total,
        int offset,
        int limit,
        Map<String, List<FacetCount>> facets,
        boolean totalCapped) {

    public SearchPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
