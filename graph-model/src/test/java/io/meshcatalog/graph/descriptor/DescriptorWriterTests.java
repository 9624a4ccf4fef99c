package io.meshcatalog.graph.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescriptorWriterTests {

    private final DescriptorLoader loader = new DescriptorLoader();
    private final DescriptorWriter writer = new DescriptorWriter();

    /** The descriptor of one of the demo mesh's domains, as its subgraph serves it. */
    static Path demo(String domain) {
        return Path.of(
                "..",
                "domain-subgraphs",
                "mesh",
                "src",
                "main",
                "resources",
                "io",
                "meshcatalog",
                "subgraphs",
                domain,
                domain + ".yaml");
    }

    /** Every descriptor the project ships: the demo mesh's five domains and the test fixtures. */
    static Stream<Path> descriptors() throws URISyntaxException, IOException {
        Path fixtures =
                Path.of(DescriptorWriterTests.class.getResource("/fixtures").toURI());
        List<Path> files = Stream.of("orders", "shipping", "customers", "marketing", "finance")
                .map(DescriptorWriterTests::demo)
                .toList();
        try (Stream<Path> walk = Files.walk(fixtures)) {
            return Stream.concat(
                    files.stream(),
                    walk
                            .filter(p -> p.toString().endsWith(".yaml"))
                            .filter(p -> !p.toString().contains("invalid"))
                            .sorted()
                            .toList()
                            .stream());
        }
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void whatIsWrittenLoadsBackEqual(Path file) {
        DomainDescriptor read = loader.load(file);

        String written = writer.write(read);

        assertThat(loader.load("written " + file.getFileName(), written)).isEqualTo(read);
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void oneProductAloneIsAWholeDescriptorOfItsDomain(Path file) {
        DomainDescriptor read = loader.load(file);
        for (DataProduct product : read.products()) {
            DomainDescriptor alone = loader.load("snapshot", writer.write(read.domain(), product));

            assertThat(alone.domain()).isEqualTo(read.domain());
            assertThat(alone.products()).containsExactly(product);
        }
    }

    @Test
    void defaultsAndEmptyValuesAreLeftOutAndASunsetIsKept() {
        DomainDescriptor read = loader.load("deprecated.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: shop, team: {name: shop-team}}
                products:
                  - id: shop.orders
                    status: deprecated
                    sunsetDate: 2027-03-31
                    schema:
                      - name: orders
                        properties:
                          - {name: id, logicalType: string, required: true}
                """);

        String written = writer.write(read);

        assertThat(written)
                .contains("sunsetDate: '2027-03-31'", "required: true", "visibility: internal")
                .doesNotContain("primaryKey", "description", "tags", "physicalName", "consumers");
        assertThat(loader.load("again", written)).isEqualTo(read);
    }
}
