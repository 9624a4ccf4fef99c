package io.meshcatalog.graph.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.ConsumerKind;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.ProductStatus;
import io.meshcatalog.graph.model.Purpose;
import io.meshcatalog.graph.model.Visibility;
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
        assertThat(join.inputPorts())
                .extracting(p -> p.contractId().value())
                .containsExactly("beta.left", "beta.right");
        assertThat(join.datasets().get(0).fields().get(0).transformSourceObjects())
                .containsExactly(new FieldRef("beta.left.amount"), new FieldRef("beta.right.amount"));
        assertThat(join.consumers())
                .extracting("id", "kind", "external")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ops.dashboard", ConsumerKind.DASHBOARD, false),
                        org.assertj.core.groups.Tuple.tuple("ads.audience", ConsumerKind.REVERSE_ETL, true));
        assertThat(loader.load(fixture("lineage/alpha.yaml"))
                        .products()
                        .get(0)
                        .datasets()
                        .get(0)
                        .fields())
                .extracting("classification")
                .containsExactly(null, Classification.INTERNAL, Classification.PII);
    }

    @Test
    void everyProblemIsReportedWithFileLineAndKey() throws URISyntaxException {
        Path file = fixture("invalid/many-problems.yaml");
        DescriptorException error = catchThrowableOfType(DescriptorException.class, () -> loader.load(file));

        assertThat(error.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("many-problems.yaml"));
        assertThat(error.problems())
                .extracting(DescriptorProblem::line, DescriptorProblem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "domain.id"),
                        org.assertj.core.groups.Tuple.tuple(11, "products[0].status"),
                        org.assertj.core.groups.Tuple.tuple(12, "products[0].descripton"),
                        org.assertj.core.groups.Tuple.tuple(18, "products[0].schema[0].properties[0].logicalType"),
                        org.assertj.core.groups.Tuple.tuple(19, "products[0].schema[0].properties[0].classification"),
                        org.assertj.core.groups.Tuple.tuple(20, "products[0].schema[0].properties[1].name"),
                        org.assertj.core.groups.Tuple.tuple(
                                22, "products[0].schema[0].properties[1].transformSourceObjects"),
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
        DescriptorException foreign = catchThrowableOfType(
                DescriptorException.class,
                () -> loader.load("other.yaml", "apiVersion: v0.9.0\nkind: DataProduct\nid: x\n"));
        assertThat(foreign.problems())
                .extracting(DescriptorProblem::message)
                .contains(
                        "unsupported apiVersion 'v0.9.0'; expected meshcatalog/v1 (or ODPS v1.0.0 products and ODCS v3.1.0 "
                                + "contracts)",
                        "unsupported kind 'DataProduct'; expected Domain");
        DescriptorException noDomain = catchThrowableOfType(
                DescriptorException.class,
                () -> loader.load("odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: x\nstatus: active\n"));
        assertThat(noDomain.problems())
                .extracting(DescriptorProblem::toString)
                .containsExactly("odps.yaml:1:1: document 1.domain: missing required key 'domain'");
    }

    @Test
    void loadAllReportsTheProblemsOfEveryFileAndLoadsNothing() throws URISyntaxException {
        Path folder = fixture("invalid");
        DescriptorException error = catchThrowableOfType(DescriptorException.class, () -> loader.loadAll(folder));
        assertThat(error.problems()).isNotEmpty();
        List<DomainDescriptor> valid = loader.loadAll(fixture("lineage"));
        assertThat(valid).extracting(d -> d.domain().id().value()).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    void visibilityExamplesAndPurposeAreRead() {
        DomainDescriptor shop = loader.load("shop.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: shop, team: {name: shop-team}}
                products:
                  - id: shop.orders
                    status: active
                    visibility: private
                    schema:
                      - name: orders
                        properties:
                          - {name: email, logicalType: string, classification: pii, examples: [ana@example.com]}
                          - {name: total, logicalType: number, examples: [19.90, 250, true]}
                    consumers:
                      - {id: ads.platform, kind: reverse_etl, external: true, purpose: advertising-audiences}
                  - id: shop.returns
                    status: active
                    schema: [{name: returns, properties: [{name: id, logicalType: string}]}]
                """);

        DataProduct orders = shop.products().get(0);
        assertThat(orders.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(shop.products().get(1).visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(orders.datasets().get(0).fields())
                .extracting(Field::examples)
                .containsExactly(List.of("ana@example.com"), List.of("19.90", "250", "true"));
        assertThat(orders.consumers().get(0).purpose()).isEqualTo(new Purpose("advertising-audiences"));
    }

    @Test
    void badVisibilityExamplesAndPurposeAreNamedAtTheirLine() {
        DescriptorException error =
                catchThrowableOfType(DescriptorException.class, () -> loader.load("shop.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: shop, team: {name: shop-team}}
                products:
                  - id: shop.orders
                    status: active
                    visibilty: public
                    visibility: secret
                    schema:
                      - name: orders
                        properties:
                          - name: email
                            logicalType: string
                            examples: [[nested], {a: 1}]
                    consumers:
                      - {id: ads.platform, kind: reverse_etl, purpose: Advertising Audiences}
                """));

        assertThat(error.problems())
                .extracting(DescriptorProblem::line, DescriptorProblem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7, "products[0].visibilty"),
                        org.assertj.core.groups.Tuple.tuple(8, "products[0].visibility"),
                        org.assertj.core.groups.Tuple.tuple(14, "products[0].schema[0].properties[0].examples[0]"),
                        org.assertj.core.groups.Tuple.tuple(14, "products[0].schema[0].properties[0].examples[1]"),
                        org.assertj.core.groups.Tuple.tuple(16, "products[0].consumers[0].purpose"));
        assertThat(error.getMessage())
                .contains("unknown key 'visibilty' (did you mean 'visibility'?)")
                .contains("unknown value 'secret'; expected one of public, internal, private")
                .contains("expected a single value, not a list, a mapping or null")
                .contains("invalid purpose 'Advertising Audiences'");
    }

    @Test
    void examplesAreBounded() {
        String many = String.join(", ", java.util.Collections.nCopies(DescriptorReading.MAX_EXAMPLES + 1, "x"));
        String longOne = "y".repeat(DescriptorReading.MAX_EXAMPLE_LENGTH + 1);
        DescriptorException error = catchThrowableOfType(
                DescriptorException.class, () -> loader.load("shop.yaml", """
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: shop, team: {name: shop-team}}
                products:
                  - id: shop.orders
                    status: active
                    schema:
                      - name: orders
                        properties:
                          - {name: a, logicalType: string, examples: [%s]}
                          - {name: b, logicalType: string, examples: [%s]}
                """.formatted(many, longOne)));

        assertThat(error.problems())
                .extracting(DescriptorProblem::message)
                .containsExactly("at most 20 values, found 21", "at most 500 characters, found 501");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                DescriptorLoaderTests.class.getResource("/fixtures/" + name).toURI());
    }
}
