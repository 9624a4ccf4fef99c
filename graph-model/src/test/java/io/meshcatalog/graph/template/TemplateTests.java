package io.meshcatalog.graph.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import io.meshcatalog.graph.descriptor.DescriptorWriter;
import io.meshcatalog.graph.lineage.SchemaChange;
import io.meshcatalog.graph.lineage.TemplateDrift;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.DomainId;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.Team;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Templates as a platform team writes them and a domain instantiates them: the repository's own, and broken ones. */
class TemplateTests {

    static final Path TEMPLATES = Path.of("..", "templates");

    static ProductTemplate template(String id, String version) {
        Path file = TEMPLATES.resolve(id).resolve(version + ".yaml");
        try {
            return TemplateReader.read(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> dailyRevenue() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("domain", "finance");
        values.put("name", "daily_revenue");
        values.put("title", "Daily revenue");
        values.put("purpose", "Net revenue per day, the base of every finance figure.");
        values.put("source", "orders.orders");
        values.put(
                "measures",
                List.of(Map.of(
                        "name",
                        "net_revenue",
                        "logicalType",
                        "number",
                        "description",
                        "Order totals of the day minus returns of the day, in EUR.",
                        "classification",
                        "confidential",
                        "transformSourceObjects",
                        List.of("orders.orders.order_total"))));
        return values;
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateOfTheRepositoryMakesAProductThatReadsBackEqual() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(TEMPLATES.relativize(file).toString(), () -> {
                    ProductTemplate template = TemplateReader.read(file.toString(), Files.readString(file));
                    assertThat(file.getParent().getFileName().toString()).isEqualTo(template.id());
                    assertThat(file.getFileName().toString()).isEqualTo(template.version() + ".yaml");
                    DataProduct product = template.instantiate(template.exampleValues());
                    assertThat(product.template().coordinates()).isEqualTo(template.coordinates());
                    DomainDescriptor descriptor = new DomainDescriptor(
                            new Domain(product.domain(), "", "", new Team("t", "", List.of()), List.of()),
                            List.of(product));
                    String written = new DescriptorWriter().write(descriptor);
                    assertThat(new DescriptorLoader().load("written", written)).isEqualTo(descriptor);
                }));
    }

    @Test
    void aKpiReportIsMadeOfTheDomainsValuesWithListsSplicedAndNumbersTyped() {
        DataProduct product = template("kpi-report", "1.0.0").instantiate(dailyRevenue());

        assertThat(product.id().value()).isEqualTo("finance.daily_revenue");
        assertThat(product.tags()).containsExactly("kpi", "finance");
        assertThat(product.datasets().get(0).fields()).extracting(Field::name).containsExactly("day", "net_revenue");
        assertThat(product.inputPorts()).extracting(p -> p.contractId().value()).containsExactly("orders.orders");
        assertThat(product.sla()).singleElement().satisfies(sla -> {
            assertThat(sla.value()).isEqualTo("1");
            assertThat(sla.unit()).isEqualTo("d");
        });
        assertThat(product.version()).as("a default").isEqualTo("1.0.0");
        assertThat(product.template().values())
                .as("the values as given: a newer version's defaults apply to the rest")
                .containsEntry("domain", "finance")
                .doesNotContainKeys("grain", "latencyDays", "version");
    }

    @Test
    void valuesThatDoNotFitTheParametersAreRefusedEachByName() {
        Map<String, Object> values = dailyRevenue();
        values.put("name", "Daily Revenue");
        values.put("grain", "fortnight");
        values.remove("source");
        values.put("colour", "blue");

        TemplateValuesException refused = catchThrowableOfType(
                TemplateValuesException.class,
                () -> template("kpi-report", "1.0.0").instantiate(values));

        assertThat(refused.problems())
                .anySatisfy(p -> assertThat(p).startsWith("values.name: ").contains("pattern"))
                .anySatisfy(p -> assertThat(p).startsWith("values.grain: "))
                .anySatisfy(p -> assertThat(p).startsWith("values: ").contains("source"))
                .anySatisfy(p -> assertThat(p).startsWith("values: ").contains("colour"));
    }

    @Test
    void exampleValuesNeverTravelAsTemplateValuesWhereWhoMayReadThemIsNotChecked() {
        Map<String, Object> values = dailyRevenue();
        values.put(
                "measures",
                List.of(Map.of(
                        "name",
                        "net_revenue",
                        "logicalType",
                        "number",
                        "description",
                        "EUR",
                        "classification",
                        "pii",
                        "examples",
                        List.of("ana@example.com"))));

        assertThatThrownBy(() -> template("kpi-report", "1.0.0").instantiate(values))
                .isInstanceOf(TemplateValuesException.class)
                .hasMessageContaining("values.measures[0].examples: ");
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template: {id: t, version: 1.0.0}
                parameters: {type: object, required: [domain], properties: {domain: {type: string, examples: [d]}, email: {type: string}}}
                product:
                  id: ${domain}.p
                  status: active
                  schema:
                    - name: p
                      properties:
                        - name: email
                          logicalType: string
                          examples: ['${email}']
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("t.yaml:13:22: product: examples are the domain's to add after instantiating");
        assertThatThrownBy(() -> new DescriptorLoader().load("d.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: d, team: {name: t}}
                products:
                  - id: d.p
                    status: active
                    schema: [{name: p, properties: [{name: id, logicalType: string}]}]
                    template: {id: t, version: 1.0.0, values: {columns: [{name: email, examples: [x]}]}}
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("products[0].template.values.columns[0].examples: examples are added");
    }

    @Test
    void oddYamlIsAProblemByLineNeverACrash() {
        assertThatThrownBy(() -> TemplateReader.read("empty.yaml", "# nothing\n"))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("empty.yaml:1:1: a template is a mapping");
        assertThatThrownBy(() -> TemplateReader.read("loop.yaml", """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template: {id: t, version: 1.0.0}
                parameters: {type: object, required: [domain], properties: {domain: {type: string, examples: [d]}}}
                product: &p
                  id: ${domain}.p
                  again: [*p]
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("uses no YAML aliases");
        assertThatThrownBy(() -> TemplateReader.read("draft4.yaml", """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template: {id: t, version: 1.0.0}
                parameters:
                  $schema: http://json-schema.org/draft-04/schema#
                  type: object
                  required: [domain]
                  properties: {domain: {type: string, examples: [d]}}
                product:
                  id: ${domain}.p
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("draft 2020-12");

        StringBuilder bomb = new StringBuilder("l0: &l0 [a, a, a, a]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("        l")
                    .append(i)
                    .append(": &l")
                    .append(i)
                    .append(" [*l")
                    .append(i - 1)
                    .append(", *l")
                    .append(i - 1)
                    .append(", *l")
                    .append(i - 1)
                    .append(", *l")
                    .append(i - 1)
                    .append("]\n");
        }
        assertThatThrownBy(() -> new DescriptorLoader().load("bomb.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: d, team: {name: t}}
                products:
                  - id: d.p
                    status: active
                    schema: [{name: p, properties: [{name: id, logicalType: string}]}]
                    template:
                      id: t
                      version: 1.0.0
                      values:
                        %s""".formatted(bomb)))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("more than 10000 values");
    }

    @Test
    void aBrokenTemplateIsRefusedWithEveryProblemAtItsLine() {
        String yaml = """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template:
                  id: Bad_Id
                  version: "1.0"
                parameters:
                  type: object
                  properties:
                    name: {type: strin}
                    other: {$ref: 'https://example.com/schema.json'}
                product:
                  id: x.${name}
                  template: {id: a, version: 1.0.0}
                  name: ${nmae}
                """;

        DescriptorException refused =
                catchThrowableOfType(DescriptorException.class, () -> TemplateReader.read("bad.yaml", yaml));

        assertThat(refused.problems())
                .extracting(DescriptorProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("bad.yaml:4:7: template.id: 'Bad_Id' is not a template id"))
                .anySatisfy(p -> assertThat(p).startsWith("bad.yaml:5:12: template.version:"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("bad.yaml:7:3: parameters.properties.other.$ref: ")
                        .contains("refers only to itself"))
                .anySatisfy(p -> assertThat(p).startsWith("bad.yaml:13:3: product.template:"))
                .anySatisfy(p -> assertThat(p).startsWith("bad.yaml:14:9: product: '${nmae}' is not a parameter"));
    }

    @Test
    void aTemplateWithoutADomainOrWhoseExamplesMakeNoValidProductIsRefused() {
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template: {id: t, version: 1.0.0}
                parameters: {type: object, properties: {name: {type: string, examples: [a]}}, required: [name]}
                product:
                  id: x.${name}
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("required parameter 'domain'");

        assertThatThrownBy(() -> TemplateReader.read("t.yaml", """
                apiVersion: meshcatalog/v1
                kind: ProductTemplate
                template: {id: t, version: 1.0.0}
                parameters: {type: object, required: [domain], properties: {domain: {type: string, examples: [d]}}}
                product:
                  id: ${domain}.p
                  status: active
                """))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("t.yaml:6:3: product.schema: made with the examples: ")
                .hasMessageContaining("at least one dataset");
    }

    @Test
    void driftIsWhatTheDomainChangedAndAnUpgradeWhatTheNewerVersionMakesDifferently() {
        ProductTemplate v1 = template("kpi-report", "1.0.0");
        DataProduct made = v1.instantiate(dailyRevenue());
        DataProduct customised = new DescriptorLoader()
                .load(
                        "finance.yaml",
                        new DescriptorWriter()
                                .write(
                                        new Domain(
                                                new DomainId("finance"),
                                                "",
                                                "",
                                                new Team("t", "", List.of()),
                                                List.of()),
                                        made)
                                .replaceFirst("(?m)^( *)- kpi\n( *)- finance\n", "$1- kpi\n$2- finance\n$2- revenue\n"))
                .products()
                .get(0);

        assertThat(TemplateDrift.of(v1, made)).isEmpty();
        assertThat(TemplateDrift.of(v1, customised))
                .extracting(SchemaChange::toString)
                .containsExactly("TAGS_CHANGED finance.daily_revenue kpi, finance -> kpi, finance, revenue");
        assertThat(TemplateDrift.upgrade(v1, template("kpi-report", "1.1.0"), customised))
                .extracting(SchemaChange::toString)
                .containsExactly(
                        "SLA_CHANGED finance.daily_revenue  -> frequency 1 day",
                        "FIELD_ADDED finance.daily_revenue.computed_at  -> timestamp");
    }
}
