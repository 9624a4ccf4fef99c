package io.meshcatalog.graph.procedures.search;

import io.meshcatalog.graph.health.HealthSummary;
import io.meshcatalog.graph.health.WriteFacts;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;

/**
 * Reads a catalog node's {@link SearchDocument} off the graph, as the catalog's search statement reads a hit: its product
 * ({@code hit-product.cypher}), that product's domain, status, tags and effective team ({@code owning-team.cypher}), its
 * classifications, the write facts its health is judged from ({@code search-hit.cypher}) and who may see it ({@code
 * visible-*.cypher}).
 */
final class SearchDocuments {

    static final Label PRODUCT = Label.label("DataProduct");
    static final Label DATASET = Label.label("Dataset");
    static final Label FIELD = Label.label("Field");
    static final Label CONSUMER = Label.label("Consumer");
    static final List<Label> CATALOG = List.of(PRODUCT, DATASET, FIELD, CONSUMER);

    static final RelationshipType PRODUCES = RelationshipType.withName("PRODUCES");
    static final RelationshipType PRODUCED = RelationshipType.withName("PRODUCED");
    static final RelationshipType HAS_FIELD = RelationshipType.withName("HAS_FIELD");
    static final RelationshipType FEEDS = RelationshipType.withName("FEEDS");
    static final RelationshipType OWNED_BY = RelationshipType.withName("OWNED_BY");
    static final RelationshipType IN_DOMAIN = RelationshipType.withName("IN_DOMAIN");
    static final Label TEAM = Label.label("Team");
    static final Label DOMAIN = Label.label("Domain");

    /**
     * Every property a document reads, of the node itself or of the nodes it reads (a product, a dataset, a team): a
     * change to any other property changes no document.
     */
    static final Set<String> PROPERTIES = Set.copyOf(concat(
            SearchDocument.TEXT_PROPERTIES,
            List.of("id", "placeholder", "domain", "status", "tags", "classification", "classifications", "visibility"),
            List.of("freshnessMs", "lastCompleteAt", "latestState")));

    private SearchDocuments() {}

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** The node's document, or null when it is no catalog node. */
    @SuppressWarnings("removal")
    static @Nullable SearchDocument read(Node node) {
        String kind = kind(node);
        if (kind == null) {
            return null;
        }
        Map<String, Object> properties = node.getAllProperties();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (String property : SearchDocument.TEXT_PROPERTIES) {
            List<String> values = strings(properties.get(property));
            if (!values.isEmpty()) {
                texts.put(property, values);
            }
        }
        Node product = product(node);
        Map<String, Object> productProperties = product == null ? Map.of() : product.getAllProperties();
        Set<String> tags = new TreeSet<>(strings(productProperties.get("tags")));
        tags.addAll(strings(properties.get("tags")));
        tags.remove("");
        Set<String> classifications = new TreeSet<>(
                node.hasLabel(FIELD)
                        ? strings(properties.get("classification"))
                        : strings(properties.get("classifications")));
        classifications.remove("");
        String id = properties.get("id") instanceof String text ? text : null;
        return new SearchDocument(
                node.getId(),
                kind,
                id,
                texts,
                Boolean.TRUE.equals(properties.get("placeholder")),
                firstText(productProperties.get("domain"), properties.get("domain")),
                firstText(productProperties.get("status")),
                product == null
                        ? null
                        : owningTeams(product).stream().findFirst().orElse(null),
                tags,
                classifications,
                HealthSummary.of(facts(node)),
                visibility(node));
    }

    private static @Nullable String kind(Node node) {
        if (node.hasLabel(PRODUCT)) {
            return "PRODUCT";
        }
        if (node.hasLabel(DATASET)) {
            return "DATASET";
        }
        if (node.hasLabel(FIELD)) {
            return "FIELD";
        }
        return node.hasLabel(CONSUMER) ? "CONSUMER" : null;
    }

    /** hit-product.cypher: the product itself, its field's dataset's, its dataset's, or a feeding dataset's. */
    private static @Nullable Node product(Node node) {
        if (node.hasLabel(PRODUCT)) {
            return node;
        }
        for (Node dataset : others(node, Direction.INCOMING, DATASET, HAS_FIELD)) {
            for (Node product : others(dataset, Direction.INCOMING, PRODUCT, PRODUCES)) {
                return product;
            }
        }
        for (Node product : others(node, Direction.INCOMING, PRODUCT, PRODUCES)) {
            return product;
        }
        for (Node dataset : others(node, Direction.INCOMING, DATASET, FEEDS)) {
            for (Node product : others(dataset, Direction.INCOMING, PRODUCT, PRODUCES)) {
                return product;
            }
        }
        return null;
    }

    /** Whether no product publishes the dataset, so its product is that of a dataset feeding it. */
    static boolean unpublished(Node dataset) {
        return others(dataset, Direction.INCOMING, PRODUCT, PRODUCES).isEmpty();
    }

    /** owning-team.cypher: the product's own teams, or when it has none its domain's. */
    private static List<String> owningTeams(Node product) {
        List<String> own = teamNames(product);
        if (!own.isEmpty()) {
            return own;
        }
        List<String> ofDomain = new ArrayList<>();
        for (Node domain : others(product, Direction.OUTGOING, DOMAIN, IN_DOMAIN)) {
            ofDomain.addAll(teamNames(domain));
        }
        return ofDomain;
    }

    private static List<String> teamNames(Node owned) {
        List<String> names = new ArrayList<>();
        for (Node team : others(owned, Direction.OUTGOING, TEAM, OWNED_BY)) {
            Object name = team.getProperty("name", null);
            if (name instanceof String text) {
                names.add(text);
            }
        }
        return names;
    }

    /** The write facts health reads: a product's datasets', a dataset's own, a field's dataset's; a consumer none. */
    private static List<WriteFacts> facts(Node node) {
        if (node.hasLabel(PRODUCT)) {
            return others(node, Direction.OUTGOING, DATASET, PRODUCES).stream()
                    .map(SearchDocuments::writeFacts)
                    .toList();
        }
        if (node.hasLabel(DATASET)) {
            return List.of(writeFacts(node));
        }
        if (node.hasLabel(FIELD)) {
            return others(node, Direction.INCOMING, DATASET, HAS_FIELD).stream()
                    .limit(1)
                    .map(SearchDocuments::writeFacts)
                    .toList();
        }
        return List.of();
    }

    /** write-facts.cypher, as much of it as health reads. */
    private static WriteFacts writeFacts(Node dataset) {
        Object freshness = dataset.getProperty("freshnessMs", null);
        return new WriteFacts(
                text(dataset.getProperty("id", "")),
                freshness instanceof Number ms ? Duration.ofMillis(ms.longValue()) : null,
                "",
                instant(dataset.getProperty("lastCompleteAt", null)),
                null,
                dataset.getProperty("latestState", null) instanceof String state ? state : null,
                null);
    }

    /** A point in time; null when it is none, or a time without a zone (which health does not read either). */
    private static @Nullable Instant instant(@Nullable Object time) {
        try {
            return time instanceof TemporalAccessor temporal ? Instant.from(temporal) : null;
        } catch (DateTimeException noInstant) {
            return null;
        }
    }

    /**
     * visible-*.cypher as keys: a product's own; a dataset's, those of the products that publish or published it (or,
     * when none ever did, any authenticated viewer's); a field's, its datasets'; a consumer's, those of the products
     * whose datasets feed it.
     */
    private static Set<String> visibility(Node node) {
        if (node.hasLabel(PRODUCT)) {
            return productKeys(node);
        }
        if (node.hasLabel(DATASET)) {
            return datasetKeys(node);
        }
        Set<String> keys = new TreeSet<>();
        if (node.hasLabel(FIELD)) {
            for (Node dataset : others(node, Direction.INCOMING, DATASET, HAS_FIELD)) {
                keys.addAll(datasetKeys(dataset));
            }
            return keys;
        }
        for (Node dataset : others(node, Direction.INCOMING, DATASET, FEEDS)) {
            for (Node product : others(dataset, Direction.INCOMING, PRODUCT, PRODUCES)) {
                keys.addAll(productKeys(product));
            }
        }
        return keys;
    }

    private static Set<String> productKeys(Node product) {
        return Visibility.ofProduct(
                product.getProperty("visibility", null), text(product.getProperty("id", "")), owningTeams(product));
    }

    private static Set<String> datasetKeys(Node dataset) {
        Set<String> keys = new TreeSet<>();
        boolean published = false;
        for (Node product : others(dataset, Direction.INCOMING, PRODUCT, PRODUCES, PRODUCED)) {
            published = true;
            keys.addAll(productKeys(product));
        }
        if (!published) {
            keys.add(Visibility.AUTHENTICATED);
        }
        return keys;
    }

    /** The nodes labelled {@code label} at the other end of the node's {@code types} relationships, each once. */
    static List<Node> others(Node node, Direction direction, Label label, RelationshipType... types) {
        Set<Node> found = new LinkedHashSet<>();
        try (ResourceIterable<Relationship> relationships = node.getRelationships(direction, types)) {
            for (Relationship relationship : relationships) {
                Node other = relationship.getOtherNode(node);
                if (other.hasLabel(label)) {
                    found.add(other);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** A string property's value, or a list's strings, or none. */
    static List<String> strings(@Nullable Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof String[] texts) {
            return Arrays.asList(texts);
        }
        return List.of();
    }

    private static String text(@Nullable Object value) {
        return value instanceof String text ? text : "";
    }

    private static String firstText(@Nullable Object... values) {
        for (Object value : values) {
            if (value instanceof String text) {
                return text;
            }
        }
        return "";
    }
}
