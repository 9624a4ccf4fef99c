package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the search index keeps of one catalog node: its text, and what search filters and counts by, as the catalog's
 * search statement reads them ({@code search-hit.cypher}), and who may see it as keys ({@link Visibility}).
 *
 * @param node the node's internal id, the document's key
 * @param kind PRODUCT, DATASET, FIELD or CONSUMER
 * @param id the node's id (ties between equal scores are broken by it); null when it has none
 * @param texts each full-text property's values, by property name
 * @param placeholder a dataset or field known only as a name so far: never a hit
 * @param domain its product's domain, or its own; empty when neither
 * @param status its product's status; empty without one
 * @param owner its product's effective team; null when none
 * @param tags its product's tags and its own
 * @param classifications a field's classification, or a node's classifications
 * @param health its health, summarised so it can be judged at any instant
 * @param visibility the keys any one of which lets a viewer see it
 */
record SearchDocument(
        long node,
        String kind,
        @Nullable String id,
        Map<String, List<String>> texts,
        boolean placeholder,
        String domain,
        String status,
        @Nullable String owner,
        Set<String> tags,
        Set<String> classifications,
        HealthSummary health,
        Set<String> visibility) {

    /** The properties the full-text index reads, as {@code catalog_text} in {@code schema.cypher} names them. */
    static final List<String> TEXT_PROPERTIES =
            List.of("name", "keywords", "description", "purpose", "usage", "limitations");
}
