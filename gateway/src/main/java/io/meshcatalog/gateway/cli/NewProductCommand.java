package io.meshcatalog.gateway.cli;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorWriter;
import io.meshcatalog.graph.descriptor.TemplateIds;
import io.meshcatalog.graph.descriptor.YamlText;
import io.meshcatalog.graph.descriptor.YamlValues;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.DomainId;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.template.ProductTemplate;
import io.meshcatalog.graph.template.TemplateReader;
import io.meshcatalog.graph.template.TemplateValuesException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar gateway.jar new-product --template kpi-report --set name=... --team ...}: a domain instantiates a
 * template with its values and gets a descriptor to customise and serve. The template comes from a file, from a
 * catalog ({@code --catalog}, as published there) or from those packaged in the jar; the product is written into a
 * new domain descriptor or added to the one {@code --domain-file} names. Exit status 0, or 2 with every problem.
 */
@Command(
        name = "new-product",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Makes a product from a template with your values and writes the domain descriptor that holds it.")
public final class NewProductCommand implements Callable<Integer> {

    static final int FAILED = 2;
    private static final String TEMPLATE_QUERY = "query Template($id: ID!, $version: String) "
            + "{ template(id: $id, version: $version) { id version yaml } }";

    @Option(
            names = "--template",
            required = true,
            paramLabel = "<file | id[@version]>",
            description = "A template file, or a template id (latest version unless @version is given), looked up in "
                    + "--catalog when given, else among the templates packaged in this jar.")
    String template;

    @Option(
            names = "--set",
            paramLabel = "<name=value>",
            description = "A parameter's value; repeat for each. Lists and maps as YAML flow, such as tags=[a,b].")
    List<String> set = new ArrayList<>();

    @Option(names = "--values", paramLabel = "<file>", description = "A YAML file of parameter values (--set wins).")
    @Nullable
    Path values;

    @Option(
            names = "--domain-file",
            paramLabel = "<file>",
            description = "The domain descriptor to add the product to. It is rewritten as the catalog writes "
                    + "meshcatalog/v1 YAML: comments are not kept, and an ODPS/ODCS bundle becomes meshcatalog/v1. Without it a "
                    + "new domain descriptor is written.")
    @Nullable
    Path domainFile;

    @Option(names = "--team", paramLabel = "<team>", description = "The team of a new domain (without --domain-file).")
    @Nullable
    String team;

    @Option(names = "--out", paramLabel = "<file>", description = "Where to write the descriptor; default: stdout.")
    @Nullable
    Path out;

    @Option(names = "--catalog", paramLabel = "<url>", description = "A gateway to read the template from.")
    @Nullable
    String catalog;

    @Option(
            names = "--key",
            paramLabel = "<api key>",
            defaultValue = "${env:MESHCATALOG_API_KEY}",
            description = "The API key to ask --catalog with.")
    @Nullable
    String key;

    @Spec
    CommandSpec spec;

    /** Runs the command on {@code args} (those after {@code new-product}); the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command writing to {@code out} and {@code err}; the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return ToolCommandLine.execute(
                new CommandLine(new NewProductCommand()).setOut(out).setErr(err), FAILED, "no product was made", args);
    }

    /** Whether {@code args} ask for this command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("new-product");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProductTemplate made = template();
            DataProduct product = made.instantiate(values());
            String descriptor = descriptor(product);
            new DescriptorLoader().load("the descriptor written", descriptor);
            if (out == null) {
                spec.commandLine().getOut().print(descriptor);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, descriptor, StandardCharsets.UTF_8);
                err.println("wrote " + product.id() + " (from " + made.coordinates() + ") to " + out);
            }
            return 0;
        } catch (TemplateValuesException e) {
            e.problems().forEach(err::println);
        } catch (DescriptorException | CatalogClient.Failed | IllegalArgumentException e) {
            err.println(e.getMessage());
        }
        return FAILED;
    }

    private ProductTemplate template() throws IOException {
        Path file = Path.of(template);
        if (Files.isRegularFile(file)) {
            return TemplateReader.read(template, Files.readString(file, StandardCharsets.UTF_8));
        }
        String[] coordinates = template.split("@", 2);
        String version = coordinates.length > 1 ? coordinates[1] : null;
        if (catalog != null) {
            Map<String, @Nullable Object> variables = new HashMap<>();
            variables.put("id", coordinates[0]);
            variables.put("version", version);
            Map<String, Object> found = new CatalogClient(catalog, key, 30)
                    .ask(TEMPLATE_QUERY, "Template", variables, "template", "template " + template);
            return TemplateReader.read(found.get("id") + "@" + found.get("version"), String.valueOf(found.get("yaml")));
        }
        return packaged(coordinates[0], version);
    }

    /** Version {@code version} (the latest when null) of template {@code id} among those packaged in the jar. */
    private static ProductTemplate packaged(String id, @Nullable String version) throws IOException {
        Resource chosen = null;
        String chosenVersion = "";
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:templates/" + TemplateIds.id(id) + "/*.yaml")) {
            String candidate = String.valueOf(file.getFilename()).replaceFirst("\\.yaml$", "");
            if (version == null
                    ? chosen == null || TemplateIds.VERSION_ORDER.compare(candidate, chosenVersion) > 0
                    : candidate.equals(version)) {
                chosen = file;
                chosenVersion = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no template '" + id + (version == null ? "" : "@" + version)
                    + "' in this jar; name a file, or ask a catalog with --catalog");
        }
        try (InputStream in = chosen.getInputStream()) {
            return TemplateReader.read(id + "@" + chosenVersion, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The values: --values (YAML), then each --set, all read by the rules a descriptor's template values are read by. */
    private Map<String, Object> values() throws IOException {
        Map<String, Object> given = new LinkedHashMap<>();
        if (values != null) {
            Node read = YamlText.reader().compose(Files.newBufferedReader(values, StandardCharsets.UTF_8));
            if (!(read instanceof MappingNode) || !(YamlValues.value(read) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(values + ": expected a mapping of parameter names to values");
            }
            map.forEach((name, value) -> given.put(String.valueOf(name), value));
        }
        for (String assignment : set) {
            int equals = assignment.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--set " + assignment + ": expected <name>=<value>");
            }
            given.put(assignment.substring(0, equals), value(assignment.substring(equals + 1)));
        }
        return given;
    }

    /**
     * A --set value as YAML reads it (2024 a number, '2024' text, [a, b] a list, {a: 1} a map), except that text
     * which is not a list or map in brackets stays text even when it holds a colon.
     */
    private static @Nullable Object value(String text) {
        try {
            Node node = YamlText.reader().compose(new StringReader(text));
            boolean bracketed = text.startsWith("[") || text.startsWith("{");
            return node == null ? "" : node instanceof ScalarNode || bracketed ? YamlValues.value(node) : text;
        } catch (YAMLException e) {
            return text;
        }
    }

    private String descriptor(DataProduct product) {
        DescriptorWriter writer = new DescriptorWriter();
        if (domainFile != null) {
            DomainDescriptor domain = new DescriptorLoader().load(domainFile);
            if (!domain.domain().id().equals(product.domain())) {
                throw new IllegalArgumentException("the product belongs to domain " + product.domain() + ", not to "
                        + domain.domain().id() + " of " + domainFile);
            }
            if (domain.products().stream().anyMatch(p -> p.id().equals(product.id()))) {
                throw new IllegalArgumentException(domainFile + " already declares " + product.id());
            }
            List<DataProduct> products = new ArrayList<>(domain.products());
            products.add(product);
            return writer.write(new DomainDescriptor(domain.domain(), products));
        }
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException(
                    "a new domain names its team: give --team, or add the product to a domain "
                            + "descriptor with --domain-file");
        }
        DomainId domain = product.domain();
        return writer.write(new DomainDescriptor(
                new Domain(domain, domain.value(), "", new Team(team.strip(), "", List.of()), List.of()),
                List.of(product)));
    }
}
