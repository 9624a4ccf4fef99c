package io.meshcatalog.graph.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.ConsumerKind;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.ProductStatus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorLoaderTests {

    private final DescriptorLoader loader = new DescriptorLoader();

    @Test
    void validDescriptorLoadsEveryOdpsAndOdcsKey() throws URISyntaxException {
        DomainDescriptor gamma = loader.load(fixture("lineage/gamma.yaml"));

        assertThat(gamma.domain().id().value()).isEqualTo("gamma");
        assertThat(gamma.domain().team().members()).extracting("username").containsExactly("gus");
        DataProduct join = gamma.products().get(0);
        assertThat(join.id().value()).isEqualTo("gamma.join");
        assertThat(join.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(join.team()).isNull();
        assertThat(join.inputPorts()).extracting(p -> p.contractId().value()).containsExactly("beta.left", "beta.right");
        assertThat(join.datasets().get(0).fields().get(0).transformSourceObjects())
                .containsExactly(new FieldRef("beta.left.amount"), new FieldRef("beta.right.amount"));
        assertThat(join.consumers()).extracting("id", "kind", "external")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ops.dashboard", ConsumerKind.DASHBOARD, false),
                        org.assertj.core.groups.Tuple.tuple("ads.audience", ConsumerKind.REVERSE_ETL, true));
        assertThat(loader.load(fixture("lineage/alpha.yaml")).products().get(0).datasets().get(0).fields())
                .extracting("classification").containsExactly(null, Classification.INTERNAL, Classification.PII);
    }

    @Test
    void everyProblemIsReportedWithFileLineAndKey() throws URISyntaxException {
        Path file = fixture("invalid/many-problems.yaml");
        DescriptorException error = catchThrowableOfType(DescriptorException.class, () -> loader.load(file));

        assertThat(error.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("many-problems.yaml"));
        assertThat(error.problems()).extracting(DescriptorProblem::line, DescriptorProblem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "domain.id"),
                org.assertj.core.groups.Tuple.tuple(11, "products[0].status"),
                org.assertj.core.groups.Tuple.tuple(12, "products[0].descripton"),
                org.assertj.core.groups.Tuple.tuple(18, "products[0].schema[0].properties[0].logicalType"),
                org.assertj.core.groups.Tuple.tuple(19, "products[0].schema[0].properties[0].classification"),
                org.assertj.core.groups.Tuple.tuple(20, "products[0].schema[0].properties[1].name"),
                org.assertj.core.groups.Tuple.tuple(22, "products[0].schema[0].properties[1].transformSourceObjects"),
                org.assertj.core.groups.Tuple.tuple(23, "products[1].schema"));
        assertThat(error.getMessage())
                .contains("8 problems")
                .contains("unknown key 'descripton' (did you mean 'description'?)")
                .contains("unknown value 'live'; expected one of proposed, draft, active, deprecated, retired")
                .contains("invalid domain id 'Orders'")
                .contains("duplicate field 'shipped_on'")
                .contains("add an input port with contractId: shipping.events");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> loader.load("broken.yaml", "apiVersion: meshcatalog/v1\ndomain: [unclosed\n"))
                .isInstanceOfSatisfying(DescriptorException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).file()).isEqualTo("broken.yaml");
                    assertThat(e.problems().get(0).line()).isEqualTo(3);
                    assertThat(e.problems().get(0).message()).startsWith("not valid YAML");
                });
    }

    @Test
    void productIdMustBelongToTheDescriptorsDomain() {
        String yaml = """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: orders, team: {name: orders-team}}
                products:
                  - id: shipping.orders
                    status: active
                    schema: [{name: orders, properties: [{name: id, logicalType: string}]}]
                """;
        assertThatThrownBy(() -> loader.load("orders.yaml", yaml))
                .hasMessageContaining("orders.yaml:5:")
                .hasMessageContaining("product id 'shipping.orders' must start with 'orders.'");
    }

    @Test
    void consumerMayOnlyNameDatasetsOfItsProduct() {
        String yaml = """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: orders, team: {name: orders-team}}
                products:
                  - id: orders.orders
                    status: active
                    schema: [{name: orders, properties: [{name: id, logicalType: string}]}]
                    consumers:
                      - {id: ops.board, kind: dashboard, datasets: [returns]}
                """;
        assertThatThrownBy(() -> loader.load("orders.yaml", yaml))
                .hasMessageContaining("products[0].consumers[0].datasets: unknown dataset 'returns'; this product "
                        + "publishes orders");
    }

    @Test
    void emptyAndForeignDocumentsAreRejected() {
        assertThatThrownBy(() -> loader.load("empty.yaml", "")).hasMessageContaining("the descriptor is empty");
        DescriptorException foreign = catchThrowableOfType(DescriptorException.class,
                () -> loader.load("odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: x\n"));
        assertThat(foreign.problems()).extracting(DescriptorProblem::message).contains(
                "unsupported apiVersion 'v1.0.0'; expected meshcatalog/v1",
                "unsupported kind 'DataProduct'; expected Domain");
    }

    @Test
    void loadAllReportsTheProblemsOfEveryFileAndLoadsNothing() throws URISyntaxException {
        Path folder = fixture("invalid");
        DescriptorException error = catchThrowableOfType(DescriptorException.class, () -> loader.loadAll(folder));
        assertThat(error.problems()).isNotEmpty();
        List<DomainDescriptor> valid = loader.loadAll(fixture("lineage"));
        assertThat(valid).extracting(d -> d.domain().id().value()).containsExactly("alpha", "beta", "gamma");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(DescriptorLoaderTests.class.getResource("/fixtures/" + name).toURI());
    }
}
