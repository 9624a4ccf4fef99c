package io.meshcatalog.graph.template;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import io.meshcatalog.graph.descriptor.TemplateIds;
import io.meshcatalog.graph.descriptor.YamlText;
import io.meshcatalog.graph.descriptor.YamlValues;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a template ({@code apiVersion: meshcatalog/v1}, {@code kind: ProductTemplate}) and checks it whole before
 * anyone uses it: its id and version, its parameters a JSON Schema that declares {@code domain}, every placeholder a
 * declared parameter, and the product it makes of its own examples (each parameter's default or first example) a
 * valid product. It returns a template or throws a {@link DescriptorException} listing every problem by line.
 */
public final class TemplateReader {

    /** The {@code kind} of a template document. */
    public static final String KIND = "ProductTemplate";
    /** How large a template may be. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final Set<String> ROOT_KEYS = Set.of("apiVersion", "kind", "template", "parameters", "product");
    private static final Set<String> TEMPLATE_KEYS = Set.of("id", "version", "name", "description", "owner");

    private final String source;
    private final List<DescriptorProblem> problems = new ArrayList<>();

    private TemplateReader(String source) {
        this.source = source;
    }

    /** The template {@code yaml} holds; {@code source} names it in problems (a file name). */
    public static ProductTemplate read(String source, String yaml) {
        return new TemplateReader(source).template(yaml);
    }

    private ProductTemplate template(String yaml) {
        if (yaml.length() > MAX_CHARS) {
            throw new DescriptorException(List.of(new DescriptorProblem(
                    source,
                    1,
                    1,
                    "",
                    "a template is at most " + MAX_CHARS + " characters; this one is " + yaml.length())));
        }
        Node root;
        try {
            root = YamlText.reader().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new DescriptorException(List.of(new DescriptorProblem(
                    source,
                    mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1,
                    "",
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new DescriptorException(
                    List.of(new DescriptorProblem(source, 1, 1, "", "not readable YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode)) {
            throw new DescriptorException(List.of(new DescriptorProblem(
                    source,
                    1,
                    1,
                    "",
                    "a template is a mapping " + "with apiVersion, kind, template, parameters and product")));
        }
        noAliases(root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), 0);
        if (!problems.isEmpty()) {
            throw new DescriptorException(sorted());
        }
        Map<String, Node> top = entries(root, "", ROOT_KEYS);
        expect(top, root, "apiVersion", DescriptorLoader.API_VERSION);
        expect(top, root, "kind", KIND);
        Map<String, Node> about = top.get("template") instanceof MappingNode about0
                ? entries(about0, "template", TEMPLATE_KEYS)
                : missing(top, root, "template", Map.of());
        String id = string(about, "template", "id", TemplateIds::id, root);
        String version = string(about, "template", "version", TemplateIds::version, root);
        String name = about.containsKey("name") ? text(about.get("name"), "template.name") : id;
        String description =
                about.containsKey("description") ? text(about.get("description"), "template.description") : "";
        String owner = about.containsKey("owner") ? text(about.get("owner"), "template.owner") : "";
        ParameterSchema parameters = parameters(top.get("parameters"), root);
        Node product = top.get("product");
        if (!(product instanceof MappingNode)) {
            missing(top, root, "product", null);
        } else {
            placeholders(product, parameters);
        }
        if (!problems.isEmpty() || product == null || id == null || version == null || parameters == null) {
            // a template is used only when it has no problem at all
            throw new DescriptorException(sorted());
        }
        ProductTemplate template =
                new ProductTemplate(source, yaml, id, version, name, description, owner, parameters, product);
        tryExamples(template, parameters, root);
        return template;
    }

    /** Refuses anchors used again (and so cycles): a template is a tree, read in bounded time. */
    private void noAliases(Node node, Set<Node> seen, int depth) {
        if (!seen.add(node)) {
            problems.add(problem(node, "", "a template uses no YAML aliases (*name): write the value out"));
            return;
        }
        if (depth > 64) {
            problems.add(problem(node, "", "nested deeper than 64 levels"));
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> noAliases(item, seen, depth + 1));
        } else if (node instanceof MappingNode mapping) {
            mapping.getValue().forEach(tuple -> {
                noAliases(tuple.getKeyNode(), seen, depth + 1);
                noAliases(tuple.getValueNode(), seen, depth + 1);
            });
        }
    }

    private @Nullable ParameterSchema parameters(@Nullable Node node, Node root) {
        if (!(node instanceof MappingNode)) {
            problems.add(problem(
                    node == null ? root : node,
                    "parameters",
                    "parameters are a JSON Schema (type: object, properties: ...) of the values a domain gives"));
            return null;
        }
        Map<String, Object> declared;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) YamlValues.value(node);
            declared = read;
        } catch (IllegalArgumentException e) {
            problems.add(problem(node, "parameters", e.getMessage()));
            return null;
        }
        Map<String, String> schemaProblems = new LinkedHashMap<>();
        ParameterSchema schema = ParameterSchema.of(declared, schemaProblems);
        schemaProblems.forEach((path, message) ->
                problems.add(problem(node, "parameters" + (path.isEmpty() ? "" : "." + path), message)));
        if (schemaProblems.isEmpty()
                && (!schema.names().contains(ProductTemplate.DOMAIN)
                        || !schema.required().contains(ProductTemplate.DOMAIN))) {
            problems.add(problem(
                    node,
                    "parameters",
                    "every template has a required parameter 'domain' (the domain "
                            + "the product belongs to): add it to properties and required"));
        }
        return schema;
    }

    private void placeholders(Node product, @Nullable ParameterSchema parameters) {
        if (product instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("template")) {
                    problems.add(problem(
                            key,
                            "product.template",
                            "the catalog records the template a product comes "
                                    + "from; a template does not name one"));
                }
            }
        }
        examplesFromValues(product, false);
        if (parameters != null) {
            Substitution.references(product, (name, node) -> {
                if (!parameters.names().contains(name)) {
                    problems.add(problem(
                            node,
                            "product",
                            "'${" + name + "}' is not a parameter; declared: "
                                    + String.join(", ", new TreeSet<>(parameters.names()))));
                }
            });
        }
    }

    /**
     * Refuses a placeholder among a field's {@code examples}: example values are governed by who may read them (a PII
     * field's only with pii:read), and a template's values are shown with the product, so examples are never values.
     */
    private void examplesFromValues(Node node, boolean inExamples) {
        if (node instanceof ScalarNode scalar) {
            if (inExamples && scalar.getValue().contains("${")) {
                problems.add(problem(
                        scalar,
                        "product",
                        "examples are the domain's to add after instantiating, not "
                                + "parameters: template values are shown with the product to whoever sees it"));
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> examplesFromValues(item, inExamples));
        } else if (node instanceof MappingNode mapping) {
            mapping.getValue()
                    .forEach(tuple -> examplesFromValues(
                            tuple.getValueNode(),
                            inExamples
                                    || (tuple.getKeyNode() instanceof ScalarNode key
                                            && key.getValue().equals("examples"))));
        }
    }

    /** Makes the template's product of its own examples: a template that cannot make a valid product is refused. */
    private void tryExamples(ProductTemplate template, ParameterSchema parameters, Node root) {
        List<String> unexampled = parameters.required().stream()
                .filter(name -> !parameters.examples().containsKey(name))
                .toList();
        if (!unexampled.isEmpty()) {
            throw fail(
                    root,
                    "parameters",
                    "give each required parameter a default or examples, so that the template " + "can be checked: "
                            + String.join(", ", unexampled));
        }
        try {
            template.instantiate(parameters.examples());
        } catch (TemplateValuesException e) {
            throw fail(
                    root, "parameters", "the examples do not fit the parameters: " + String.join("; ", e.problems()));
        } catch (DescriptorException e) {
            throw new DescriptorException(e.problems().stream()
                    .map(p -> new DescriptorProblem(
                            p.file(), p.line(), p.column(), p.path(), "made with the examples: " + p.message()))
                    .toList());
        }
    }

    private Map<String, Node> entries(Node node, String path, Set<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            String at = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            if (key == null || !allowed.contains(key)) {
                problems.add(problem(
                        tuple.getKeyNode(),
                        at,
                        "unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed))));
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    private void expect(Map<String, Node> top, Node root, String key, String value) {
        Node node = top.get(key);
        String found = node instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (!value.equals(found)) {
            problems.add(problem(
                    node == null ? root : node,
                    key,
                    "expected " + key + ": " + value + (found == null ? "" : ", not '" + found + "'")));
        }
    }

    private @Nullable String string(
            Map<String, Node> entries, String path, String key, Function<String, String> parse, Node root) {
        Node node = entries.get(key);
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problems.add(problem(node == null ? root : node, path + "." + key, "required"));
            return null;
        }
        try {
            return parse.apply(scalar.getValue().trim());
        } catch (IllegalArgumentException e) {
            problems.add(problem(node, path + "." + key, e.getMessage()));
            return null;
        }
    }

    private String text(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().strip();
        }
        problems.add(problem(node, path, "expected text"));
        return "";
    }

    private <T> T missing(Map<String, Node> top, Node root, String key, T fallback) {
        problems.add(
                problem(top.getOrDefault(key, root), key, top.containsKey(key) ? "expected a mapping" : "required"));
        return fallback;
    }

    private DescriptorException fail(Node at, String path, String message) {
        problems.add(problem(at, path, message));
        return new DescriptorException(sorted());
    }

    private DescriptorProblem problem(Node at, String path, String message) {
        return new DescriptorProblem(
                source, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, path, message);
    }

    private List<DescriptorProblem> sorted() {
        return problems.stream()
                .sorted(Comparator.comparingInt(DescriptorProblem::line).thenComparingInt(DescriptorProblem::column))
                .toList();
    }
}
