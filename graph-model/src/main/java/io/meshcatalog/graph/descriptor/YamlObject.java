package io.meshcatalog.graph.descriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping seen through its key path. Every accessor records a problem, at the line of the
 * offending node, instead of throwing, so that one pass reports everything that is wrong.
 */
final class YamlObject {

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    YamlObject(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (key == null) {
                    problems.add(tuple.getKeyNode(), path, "keys must be plain strings");
                } else if (entries.containsKey(key)) {
                    problems.add(tuple.getKeyNode(), child(key), "duplicate key '" + key + "'");
                } else {
                    entries.put(key, tuple.getValueNode());
                    keys.put(key, tuple.getKeyNode());
                }
            }
        } else {
            problems.add(node, path, "expected a mapping of keys to values");
        }
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    Problems problems() {
        return problems;
    }

    /** Reports every key that is not one of {@code allowed}, suggesting the nearest allowed key. */
    void allowOnly(Set<String> allowed) {
        allowOnly(allowed, Set.of());
    }

    /**
     * Reports every key that is not one of {@code allowed}: one of {@code notStored}, keys a standard defines that the
     * catalog does not keep, as such (so nothing is dropped without a word), any other as unknown.
     */
    void allowOnly(Set<String> allowed, Set<String> notStored) {
        keys.forEach((key, keyNode) -> {
            if (notStored.contains(key)) {
                problems.add(
                        keyNode,
                        child(key),
                        "'" + key + "' is a key of the standard that the catalog does not "
                                + "store; remove it (or keep it in your own copy of the document)");
            } else if (!allowed.contains(key)) {
                problems.add(
                        keyNode,
                        child(key),
                        "unknown key '" + key + "'" + suggestion(key, allowed) + "; allowed here: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key));
    }

    /** The plain value of {@code key}, without reporting anything (for look-ahead). */
    @Nullable
    String peek(String key) {
        return entries.get(key) instanceof ScalarNode scalar && !isNull(scalar) ? scalar.getValue() : null;
    }

    @Nullable
    String optionalString(String key) {
        Node value = entries.get(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(value, child(key), "expected a single value, not a list or mapping");
        return null;
    }

    String string(String key, String fallback) {
        String value = optionalString(key);
        return value == null ? fallback : value;
    }

    @Nullable
    String requiredString(String key) {
        if (!entries.containsKey(key)) {
            problems.add(node, child(key), "missing required key '" + key + "'");
            return null;
        }
        String value = optionalString(key);
        if (value == null || value.isBlank()) {
            if (entries.get(key) instanceof ScalarNode) {
                problems.add(entries.get(key), child(key), "'" + key + "' must not be empty");
            }
            return null;
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        String value = optionalString(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problems.add(entries.get(key), child(key), "expected true or false, found '" + value + "'");
                yield fallback;
            }
        };
    }

    /** An enum value written in lower case, such as {@code active} or {@code ml_model}. */
    <E extends Enum<E>> @Nullable E enumValue(String key, Class<E> type, boolean required) {
        String value = required ? requiredString(key) : optionalString(key);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            problems.add(
                    entries.get(key),
                    child(key),
                    "unknown value '" + value + "'; expected one of " + String.join(", ", names));
            return null;
        }
    }

    Optional<YamlObject> object(String key) {
        Node value = entries.get(key);
        if (value == null || isNull(value)) {
            return Optional.empty();
        }
        return Optional.of(new YamlObject(value, child(key), problems));
    }

    Optional<YamlObject> requiredObject(String key) {
        if (!has(key)) {
            problems.add(node, child(key), "missing required key '" + key + "'");
        }
        return object(key);
    }

    List<YamlObject> objects(String key) {
        List<YamlObject> result = new ArrayList<>();
        List<Node> items = sequence(key);
        for (int i = 0; i < items.size(); i++) {
            result.add(new YamlObject(items.get(i), child(key) + "[" + i + "]", problems));
        }
        return result;
    }

    List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        List<Node> items = sequence(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                result.add(scalar.getValue());
            } else {
                problems.add(items.get(i), child(key) + "[" + i + "]", "expected a non-empty single value");
            }
        }
        return result;
    }

    /**
     * A list of single values of any type (text, numbers, dates …) as written, such as ODCS {@code examples}: at
     * most {@code maxItems}, each at most {@code maxLength} characters.
     */
    List<String> scalars(String key, int maxItems, int maxLength) {
        List<String> result = new ArrayList<>();
        List<Node> items = sequence(key);
        if (items.size() > maxItems) {
            problems.add(items.get(maxItems), child(key), "at most " + maxItems + " values, found " + items.size());
        }
        for (int i = 0; i < Math.min(items.size(), maxItems); i++) {
            String at = child(key) + "[" + i + "]";
            if (!(items.get(i) instanceof ScalarNode scalar) || isNull(scalar)) {
                problems.add(items.get(i), at, "expected a single value, not a list, a mapping or null");
            } else if (scalar.getValue().length() > maxLength) {
                problems.add(
                        scalar,
                        at,
                        "at most " + maxLength + " characters, found "
                                + scalar.getValue().length());
            } else {
                result.add(scalar.getValue());
            }
        }
        return result;
    }

    /** Parses each string of a list with {@code parse}, reporting the ones it rejects at their line. */
    <T> List<T> parsedStrings(String key, Function<String, T> parse) {
        List<T> result = new ArrayList<>();
        List<Node> items = sequence(key);
        for (int i = 0; i < items.size(); i++) {
            String at = child(key) + "[" + i + "]";
            if (items.get(i) instanceof ScalarNode scalar) {
                parse(scalar, at, parse).ifPresent(result::add);
            } else {
                problems.add(items.get(i), at, "expected a single value");
            }
        }
        return result;
    }

    <T> Optional<T> parsed(String key, Function<String, T> parse, boolean required) {
        String value = required ? requiredString(key) : optionalString(key);
        if (value == null) {
            return Optional.empty();
        }
        return parse((ScalarNode) entries.get(key), child(key), parse);
    }

    /** The line of {@code key}'s value, or of this mapping when the key is absent. */
    Node nodeOf(String key) {
        return entries.getOrDefault(key, node);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private <T> Optional<T> parse(ScalarNode scalar, String at, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(scalar.getValue().trim()));
        } catch (IllegalArgumentException e) {
            problems.add(scalar, at, e.getMessage());
            return Optional.empty();
        }
    }

    private List<Node> sequence(String key) {
        Node value = entries.get(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.add(value, child(key), "expected a list");
        return List.of();
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode scalar
                && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private static String suggestion(String key, Set<String> allowed) {
        return allowed.stream()
                .min(Comparator.comparingInt(
                        candidate -> distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(key.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT))
                        <= Math.max(2, key.length() / 3))
                .map(best -> " (did you mean '" + best + "'?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
