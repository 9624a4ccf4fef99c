package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.HealthStatus;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A discovery question: free text (blank lists every product) narrowed by facet filters, one page
 * of {@code limit} hits from {@code offset}, and whether to count each facet's values over every match (a search that
 * shows no facets is answered faster without). Every filter is optional and compared exactly.
 */
public record SearchQuery(
        String text,
        @Nullable String domain,
        @Nullable String owner,
        @Nullable String tag,
        @Nullable String classification,
        @Nullable String status,
        @Nullable HealthStatus health,
        Set<NodeKind> kinds,
        int offset,
        int limit,
        boolean facets) {

    public static final int MAX_LIMIT = 100;

    /** How deep paging goes: past it, filters narrow better than pages. */
    public static final int MAX_OFFSET = 10_000;

    public SearchQuery {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET
                    + " (narrow the search with its filters to go further), got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        kinds = kinds.isEmpty() ? Set.of(NodeKind.values()) : Set.copyOf(kinds);
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, Set.of(), 0, 20, true);
    }

    public SearchQuery withDomain(String value) {
        return new SearchQuery(text, value, owner, tag, classification, status, health, kinds, offset, limit, facets);
    }

    public SearchQuery withOwner(String value) {
        return new SearchQuery(text, domain, value, tag, classification, status, health, kinds, offset, limit, facets);
    }

    public SearchQuery withTag(String value) {
        return new SearchQuery(
                text, domain, owner, value, classification, status, health, kinds, offset, limit, facets);
    }

    public SearchQuery withClassification(String value) {
        return new SearchQuery(text, domain, owner, tag, value, status, health, kinds, offset, limit, facets);
    }

    public SearchQuery withStatus(String value) {
        return new SearchQuery(text, domain, owner, tag, classification, value, health, kinds, offset, limit, facets);
    }

    public SearchQuery withHealth(HealthStatus value) {
        return new SearchQuery(text, domain, owner, tag, classification, status, value, kinds, offset, limit, facets);
    }

    public SearchQuery withKinds(Set<NodeKind> value) {
        return new SearchQuery(text, domain, owner, tag, classification, status, health, value, offset, limit, facets);
    }

    public SearchQuery withFacets(boolean value) {
        return new SearchQuery(text, domain, owner, tag, classification, status, health, kinds, offset, limit, value);
    }

    public SearchQuery page(int newOffset, int newLimit) {
        return new SearchQuery(
                text, domain, owner, tag, classification, status, health, kinds, newOffset, newLimit, facets);
    }
}
