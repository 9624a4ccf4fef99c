package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.SearchQuery;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the catalog's request limits are checked: page sizes, traversal depth, the
 * number of proposed changes and of history entries, the size of a proposed descriptor. A value out of bounds is refused with an
 * {@link IllegalArgumentException} that names the argument, which callers see as BAD_USER_INPUT;
 * traversal depth above the maximum is clamped by the store, and the depth used is reported.
 *
 * @param maxPageSize the largest {@code first} of a search page
 * @param maxChanges the most field changes one {@code changeImpact} may propose
 * @param maxHistory the most revisions one {@code history} may list
 */
public record CatalogLimits(int maxPageSize, int maxChanges, int maxHistory) {

    /** Pages as large as the store serves ({@link SearchQuery#MAX_LIMIT}), so the two bounds cannot drift apart. */
    public static final CatalogLimits DEFAULT = new CatalogLimits(SearchQuery.MAX_LIMIT, 100, 100);

    int pageSize(@Nullable Integer first) {
        return first(first, 20, maxPageSize);
    }

    /** A page's {@code first}: {@code byDefault} when not given, refused outside 1 to {@code max}. */
    static int first(@Nullable Integer given, int byDefault, int max) {
        int value = given == null ? byDefault : given;
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("first must be between 1 and " + max + ", got " + value);
        }
        return value;
    }

    @Nullable
    Integer depth(String argument, @Nullable Integer depth) {
        if (depth != null && depth < 1) {
            throw new IllegalArgumentException(argument + " must be 1 or more, got " + depth);
        }
        return depth;
    }

    void changes(int count) {
        if (count < 1 || count > maxChanges) {
            throw new IllegalArgumentException(
                    "changes must list between 1 and " + maxChanges + " changes, got " + count);
        }
    }

    /** The longest descriptor text a check reads: ten times the largest demo domain's, and far below the body limit. */
    static final int MAX_DESCRIPTOR_CHARS = 1_000_000;

    String descriptor(String text) {
        if (text.length() > MAX_DESCRIPTOR_CHARS) {
            throw new IllegalArgumentException(
                    "descriptor must be at most " + MAX_DESCRIPTOR_CHARS + " characters, got " + text.length());
        }
        return text;
    }

    int history(@Nullable Integer limit) {
        int value = limit == null ? 20 : limit;
        if (value < 1 || value > maxHistory) {
            throw new IllegalArgumentException("limit must be between 1 and " + maxHistory + ", got " + value);
        }
        return value;
    }
}
