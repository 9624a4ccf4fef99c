package io.meshcatalog.graph.template;

import io.meshcatalog.graph.descriptor.YamlValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Fills a template's {@code ${parameter}} placeholders in the values (never the keys) of its product tree. A value
 * that is one placeholder alone takes the parameter's value whole, typed: a number, a list of fields, a map; a list
 * item that is one placeholder holding a list is spliced in ({@code tags: [kpi, ${tags}]}); inside text a placeholder
 * takes the text of a string, number or boolean. Inside a flow list or map, quote it: {@code [kpi, '${tags}']}. {@code $${} writes a literal {@code ${}. The tree
 * is rebuilt, not edited, and keeps the template's positions, so problems point at the template's lines.
 */
final class Substitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Substitution() {}

    /** Every parameter name {@code tree} refers to, each with the node that does, to {@code found}. */
    static void references(Node tree, BiConsumer<String, Node> found) {
        walk(tree, scalar -> {
            Matcher matcher = PLACEHOLDER.matcher(scalar.getValue());
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    found.accept(matcher.group(1), scalar);
                }
            }
        });
    }

    /** {@code tree} with its placeholders filled from {@code values}; problems (a list inside text) to {@code problems}. */
    static Node fill(Node tree, Map<String, @Nullable Object> values, BiConsumer<Node, String> problems) {
        if (tree instanceof ScalarNode scalar) {
            return scalar(scalar, values, problems);
        }
        if (tree instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                Node filled = fill(item, values, problems);
                if (filled instanceof SequenceNode spliced && isWholePlaceholder(item)) {
                    items.addAll(spliced.getValue());
                } else {
                    items.add(filled);
                }
            }
            return new SequenceNode(
                    sequence.getTag(),
                    true,
                    items,
                    sequence.getStartMark(),
                    sequence.getEndMark(),
                    sequence.getFlowStyle());
        }
        MappingNode mapping = (MappingNode) tree;
        List<NodeTuple> tuples = new ArrayList<>();
        mapping.getValue()
                .forEach(tuple ->
                        tuples.add(new NodeTuple(tuple.getKeyNode(), fill(tuple.getValueNode(), values, problems))));
        return new MappingNode(
                mapping.getTag(), true, tuples, mapping.getStartMark(), mapping.getEndMark(), mapping.getFlowStyle());
    }

    private static boolean isWholePlaceholder(Node node) {
        return node instanceof ScalarNode scalar
                && WHOLE.matcher(scalar.getValue()).matches();
    }

    private static Node scalar(
            ScalarNode scalar, Map<String, @Nullable Object> values, BiConsumer<Node, String> problems) {
        String text = scalar.getValue();
        if (!text.contains("${")) {
            return scalar;
        }
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches() && isWholePlaceholder(scalar)) {
            Object value = values.get(whole.group(1));
            return value instanceof String s
                    ? new ScalarNode(
                            Tag.STR, s, scalar.getStartMark(), scalar.getEndMark(), DumperOptions.ScalarStyle.PLAIN)
                    : YamlValues.node(value, scalar.getStartMark(), scalar.getEndMark());
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                Object value = values.get(matcher.group(1));
                if (value instanceof List || value instanceof Map) {
                    problems.accept(
                            scalar,
                            "parameter '" + matcher.group(1) + "' holds a " + (value instanceof List ? "list" : "map")
                                    + ", which can only fill a whole value");
                }
                replacement = value == null ? "" : value.toString();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return new ScalarNode(
                Tag.STR, out.toString(), scalar.getStartMark(), scalar.getEndMark(), scalar.getScalarStyle());
    }

    private static void walk(Node tree, java.util.function.Consumer<ScalarNode> visit) {
        if (tree instanceof ScalarNode scalar) {
            visit.accept(scalar);
        } else if (tree instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(item, visit));
        } else if (tree instanceof MappingNode mapping) {
            mapping.getValue().forEach(tuple -> walk(tuple.getValueNode(), visit));
        }
    }
}
