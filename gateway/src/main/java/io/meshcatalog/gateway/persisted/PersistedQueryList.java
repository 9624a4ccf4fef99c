package io.meshcatalog.gateway.persisted;

import graphql.language.Document;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A persisted query list: the operations an organisation's own apps send, each by an id, in Apollo's manifest format
 * ({@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type",
 * "body"}]}}), the format Apollo's and The Guild's tools generate from client code. Several lists are one: an id
 * names one body across all of them. Immutable once read.
 */
public final class PersistedQueryList {

    /** The {@code format} a manifest declares. */
    static final String FORMAT = "apollo-persisted-query-manifest";

    /** The most operations all lists may hold together: each is parsed at start and kept in memory. */
    static final int MAX_OPERATIONS = 100_000;

    /** A list that could not be read: names the list and the operation, and what is wrong with it. */
    public static final class InvalidListException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidListException(String message) {
            super(message);
        }
    }

    /** No list: nothing is persisted. */
    public static final PersistedQueryList EMPTY = new PersistedQueryList(Map.of(), Set.of());

    private final Map<String, String> bodies;
    private final Set<String> canonical;

    private PersistedQueryList(Map<String, String> bodies, Set<String> canonical) {
        this.bodies = Collections.unmodifiableMap(bodies);
        this.canonical = Collections.unmodifiableSet(canonical);
    }

    /**
     * Reads manifests, each as {@code (where it came from, its bytes)}; the first problem found is thrown, naming the
     * manifest and the operation.
     */
    public static PersistedQueryList read(List<Map.Entry<String, byte[]>> manifests, JsonMapper json) {
        Map<String, String> bodies = new HashMap<>();
        Set<String> canonical = new HashSet<>();
        for (Map.Entry<String, byte[]> manifest : manifests) {
            String source = manifest.getKey();
            JsonNode root;
            try {
                root = json.readTree(manifest.getValue());
            } catch (JacksonException e) {
                throw new InvalidListException(source + " is not JSON: " + e.getOriginalMessage());
            }
            if (!FORMAT.equals(text(root, "format")) || root.path("version").asInt(0) != 1) {
                throw new InvalidListException(source + " is not a persisted query manifest: expected \"format\": \""
                        + FORMAT + "\" and \"version\": 1");
            }
            JsonNode operations = root.path("operations");
            if (!operations.isArray()) {
                throw new InvalidListException(source + ": \"operations\" must be an array");
            }
            for (int i = 0; i < operations.size(); i++) {
                String where = source + ": operations[" + i + "]";
                JsonNode operation = operations.get(i);
                String id = text(operation, "id");
                String body = text(operation, "body");
                if (id == null || id.isBlank() || body == null) {
                    throw new InvalidListException(where + " needs an \"id\" and a \"body\" (strings)");
                }
                Document document = CanonicalDocument.parse(body)
                        .orElseThrow(() -> new InvalidListException(
                                where + " (id " + id + "): its body is not a GraphQL document"));
                if (!CanonicalDocument.hasOperation(document)) {
                    throw new InvalidListException(where + " (id " + id + "): its body defines no operation");
                }
                String known = bodies.putIfAbsent(id, body);
                if (known != null && !known.equals(body)) {
                    throw new InvalidListException(where + ": id " + id + " names two different bodies");
                }
                canonical.add(CanonicalDocument.of(document));
                if (bodies.size() > MAX_OPERATIONS) {
                    throw new InvalidListException(
                            source + ": more than " + MAX_OPERATIONS + " operations in all lists");
                }
            }
        }
        return new PersistedQueryList(bodies, canonical);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    /** The body the list holds under {@code id}. */
    Optional<String> body(String id) {
        return Optional.ofNullable(bodies.get(id));
    }

    /** Whether {@code document} is one of the list's bodies, give or take what GraphQL ignores. */
    boolean holds(Document document) {
        return canonical.contains(CanonicalDocument.of(document));
    }

    boolean isEmpty() {
        return bodies.isEmpty();
    }

    /** How many operations the list holds. */
    public int size() {
        return bodies.size();
    }
}
