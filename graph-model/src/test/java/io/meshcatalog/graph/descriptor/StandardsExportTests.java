package io.meshcatalog.graph.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every product and dataset the project ships, exported as ODPS v1.0 and ODCS v3.1, validates against the standards'
 * published JSON Schemas (kept in {@code src/test/resources/standards}, as published by bitol-io).
 */
class StandardsExportTests {

    private static final Schema ODPS = schema("/standards/odps-json-schema-v1.0.0.json");
    private static final Schema ODCS = schema("/standards/odcs-json-schema-v3.1.0.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> descriptors() throws Exception {
        return DescriptorWriterTests.descriptors();
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void everyProductIsAValidOdpsDocument(Path file) {
        DomainDescriptor read = new DescriptorLoader().load(file);
        for (DataProduct product : read.products()) {
            String odps = new OdpsWriter().write(read.domain(), product);

            assertThat(errors(ODPS, odps))
                    .as("%s as ODPS:%n%s", product.id(), odps)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void everyDatasetIsAValidOdcsContract(Path file) {
        DomainDescriptor read = new DescriptorLoader().load(file);
        for (DataProduct product : read.products()) {
            for (Dataset dataset : product.datasets()) {
                String odcs = new OdcsWriter().write(read.domain(), product, dataset);

                assertThat(errors(ODCS, odcs))
                        .as("%s as ODCS:%n%s", dataset.id(), odcs)
                        .isEmpty();
            }
        }
    }

    @Test
    void theValidatorRefusesWhatTheStandardsRefuse() {
        assertThat(errors(
                        ODCS,
                        "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: '1'\nstatus: active\n"
                                + "dataset: orders\n"))
                .as("an unknown key")
                .isNotEmpty();
        assertThat(errors(ODPS, "apiVersion: v1.0.0\nkind: DataProduct\nid: x\n"))
                .as("no status")
                .isNotEmpty();
        assertThat(errors(
                        ODCS,
                        "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: '1'\nstatus: active\n"
                                + "schema: [{name: t, properties: [{name: c, logicalType: text}]}]\n"))
                .as("an unknown logical type")
                .isNotEmpty();
        assertThat(
                        errors(
                                ODCS,
                                "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: '1'\nstatus: active\n"
                                        + "schema: [{name: t, properties: [{name: c, logicalType: string, sensitivity: high}]}]\n"))
                .as("an unknown key of a property")
                .isNotEmpty();
    }

    @Test
    void anOdcsContractNamesItsProductAndCarriesEveryFieldKey() {
        DomainDescriptor orders = new DescriptorLoader().load(DescriptorWriterTests.demo("orders"));
        DataProduct product = orders.products().get(0);
        Dataset dataset = product.datasets().get(0);

        String odcs = new OdcsWriter().write(orders.domain(), product, dataset, field -> List.of());
        Map<String, Object> contract = new Yaml().load(odcs);

        assertThat(contract)
                .containsEntry("id", "orders.orders")
                .containsEntry("dataProduct", "orders.orders")
                .containsEntry("status", "active")
                .containsEntry("version", "2.3.0");
        assertThat(odcs)
                .contains(
                        "name: shipped_on",
                        "logicalType: date",
                        "classification: internal",
                        "criticalDataElement: true",
                        "physicalName: analytics.orders.orders",
                        "property: latency")
                .as("the filter withheld every example")
                .doesNotContain("examples:");
    }

    private static List<Error> errors(Schema schema, String yaml) {
        Object document = new Yaml().load(yaml);
        JsonNode node = JSON.valueToTree(document);
        return schema.validate(node);
    }

    private static Schema schema(String resource) {
        try (InputStream in = StandardsExportTests.class.getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
