package io.meshcatalog.graph.descriptor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Plain values (strings, numbers, booleans, null, lists and string-keyed maps of them) to and from YAML nodes: what a
 * template's parameter values are. Nodes made from a value carry the position they stand for, so a problem found in
 * them is reported where the value was placed.
 */
public final class YamlValues {

    /** How deep a value may nest. */
    public static final int MAX_DEPTH = 16;
    /** How many nodes one value may have, counting each use of an alias again (no alias bombs). */
    public static final int MAX_NODES = 10_000;

    private YamlValues() {}

    /**
     * The plain value of {@code node}; an {@link IllegalArgumentException} when it nests deeper than
     * {@value #MAX_DEPTH} levels, has more than {@value #MAX_NODES} nodes, or a key that is not a plain string.
     */
    public static @Nullable Object value(Node node) {
        return value(node, 0, new int[1]);
    }

    private static @Nullable Object value(Node node, int depth, int[] nodes) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes[0] > MAX_NODES) {
            throw new IllegalArgumentException("more than " + MAX_NODES + " values (aliases counted each time used)");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(value(item, depth + 1, nodes)));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new IllegalArgumentException("keys must be plain strings");
            }
            map.put(key.getValue(), value(tuple.getValueNode(), depth + 1, nodes));
        }
        return map;
    }

    private static @Nullable Object scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                // YAML 1.1, as the parser resolves it: true, yes, on (any case) and their opposites
                return Set.of("true", "yes", "on", "y").contains(text.toLowerCase(Locale.ROOT));
            }
            if (tag.equals(Tag.INT)) {
                BigInteger big = new BigInteger(text.replace("_", ""));
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.valueOf(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text; // a YAML 1.1 number form (hex, sexagesimal) stays as written
        }
        return text;
    }

    /** {@code value} as a node placed from {@code start} to {@code end}. */
    public static Node node(@Nullable Object value, Mark start, Mark end) {
        if (value == null) {
            return new ScalarNode(Tag.NULL, "null", start, end, DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof Boolean || value instanceof Number) {
            Tag tag = value instanceof Boolean
                    ? Tag.BOOL
                    : value instanceof Double || value instanceof Float ? Tag.FLOAT : Tag.INT;
            return new ScalarNode(tag, value.toString(), start, end, DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>();
            list.forEach(item -> items.add(node(item, start, end)));
            return new SequenceNode(Tag.SEQ, true, items, start, end, DumperOptions.FlowStyle.BLOCK);
        }
        if (value instanceof Map<?, ?> map) {
            List<NodeTuple> tuples = new ArrayList<>();
            map.forEach((key, item) -> tuples.add(new NodeTuple(
                    new ScalarNode(Tag.STR, String.valueOf(key), start, end, DumperOptions.ScalarStyle.PLAIN),
                    node(item, start, end))));
            return new MappingNode(Tag.MAP, true, tuples, start, end, DumperOptions.FlowStyle.BLOCK);
        }
        return new ScalarNode(Tag.STR, value.toString(), start, end, DumperOptions.ScalarStyle.PLAIN);
    }
}
