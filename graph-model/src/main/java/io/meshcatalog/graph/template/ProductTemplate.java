package io.meshcatalog.graph.template;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import io.meshcatalog.graph.descriptor.YamlValues;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainId;
import io.meshcatalog.graph.model.TemplateRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One version of a template, read and checked by {@link TemplateReader}: who designed it and what for, its parameters,
 * and the product it makes of a domain's values ({@link #instantiate}). Its {@link #yaml() text} is what the catalog
 * publishes and keeps; a published version never changes.
 */
public final class ProductTemplate {

    /** The parameter every template has: the domain the product belongs to. */
    public static final String DOMAIN = "domain";
    /** The team a product's domain header names when the values give none. */
    static final String TEAM = "team";

    private final String source;
    private final String yaml;
    private final String id;
    private final String version;
    private final String name;
    private final String description;
    private final String owner;
    private final ParameterSchema parameters;
    private final Node product;

    ProductTemplate(
            String source,
            String yaml,
            String id,
            String version,
            String name,
            String description,
            String owner,
            ParameterSchema parameters,
            Node product) {
        this.source = source;
        this.yaml = yaml;
        this.id = id;
        this.version = version;
        this.name = name;
        this.description = description;
        this.owner = owner;
        this.parameters = parameters;
        this.product = product;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    /** {@code id@version}. */
    public String coordinates() {
        return id + "@" + version;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The team answerable for the template (a platform team), or empty. */
    public String owner() {
        return owner;
    }

    /** The template as written: what the catalog publishes. */
    public String yaml() {
        return yaml;
    }

    /** Its parameters, the JSON Schema of the values a domain gives, as declared. */
    public Map<String, Object> parameters() {
        return parameters.declared();
    }

    /** Values the template is tried with: each parameter's default or first example. */
    public Map<String, Object> exampleValues() {
        return parameters.examples();
    }

    /**
     * The product the template makes of {@code values} (each parameter left out takes its default), naming this template
     * and the values as given.
     * Values that do not fit the parameters are a {@link TemplateValuesException}; a product the values make invalid
     * (a name the descriptor rules refuse) is a {@link DescriptorException} at the template's lines.
     */
    public DataProduct instantiate(Map<String, Object> values) {
        Map<String, Object> valid = parameters.validate(coordinates(), values);
        DomainId domain;
        try {
            domain = new DomainId(String.valueOf(valid.get(DOMAIN)));
        } catch (IllegalArgumentException e) {
            throw new TemplateValuesException(coordinates(), List.of("values.domain: " + e.getMessage()));
        }
        List<DescriptorProblem> problems = new ArrayList<>();
        Node filled = Substitution.fill(
                product,
                valid,
                (node, message) -> problems.add(new DescriptorProblem(
                        source,
                        node.getStartMark().getLine() + 1,
                        node.getStartMark().getColumn() + 1,
                        "product",
                        message)));
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        Object team = valid.get(TEAM);
        try {
            DataProduct made = new DescriptorLoader()
                    .load(source, document(domain, team == null ? "unassigned" : team.toString(), filled))
                    .products()
                    .get(0);
            // the values as given: a newer version's defaults apply to what the domain left to the template
            return made.withTemplate(new TemplateRef(id, version, values));
        } catch (DescriptorException e) {
            throw new DescriptorException(e.problems().stream()
                    .map(p -> new DescriptorProblem(
                            p.file(),
                            p.line(),
                            p.column(),
                            p.path().replaceFirst("^products\\[0]", "product"),
                            p.message()))
                    .toList());
        }
    }

    /** A one-product domain descriptor around {@code product}, for the descriptor rules to read. */
    private static Node document(DomainId domain, String team, Node product) {
        Mark at = product.getStartMark();
        Mark end = product.getEndMark();
        Node header = YamlValues.node(Map.of("id", domain.value(), "team", Map.of("name", team)), at, end);
        return new MappingNode(
                Tag.MAP,
                true,
                List.of(
                        entry("apiVersion", YamlValues.node(DescriptorLoader.API_VERSION, at, end), at, end),
                        entry("kind", YamlValues.node("Domain", at, end), at, end),
                        entry("domain", header, at, end),
                        entry(
                                "products",
                                new SequenceNode(
                                        Tag.SEQ, true, List.of(product), at, end, DumperOptions.FlowStyle.BLOCK),
                                at,
                                end)),
                at,
                end,
                DumperOptions.FlowStyle.BLOCK);
    }

    private static NodeTuple entry(String key, Node value, Mark at, Mark end) {
        return new NodeTuple(new ScalarNode(Tag.STR, key, at, end, DumperOptions.ScalarStyle.PLAIN), value);
    }

    @Override
    public String toString() {
        return coordinates();
    }
}
