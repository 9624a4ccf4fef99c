package io.meshcatalog.graph.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.ProductStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A domain published as ODPS v1.0 products and ODCS v3.1 contracts reads into the same catalog as its descriptor. */
class StandardsImportTests {

    private final DescriptorLoader loader = new DescriptorLoader();

    /** A contract as a team outside the mesh would write it, with no ODPS document for its product. */
    private static final String CONTRACT = """
            apiVersion: v3.1.0
            kind: DataContract
            id: 53581432-6c55-4ba2-a65f-72344a91553a
            name: seller_payments
            version: 1.1.0
            status: active
            domain: seller
            dataProduct: seller.payments
            description:
              purpose: Views built on top of the seller tables.
            schema:
              - name: payments
                physicalName: payments_v1
                physicalType: table
                businessName: Payments
                logicalType: object
                description: One row per payment to a seller.
                properties:
                  - name: transaction_reference_date
                    logicalType: date
                    physicalType: DATE
                    businessName: Transaction date
                    description: Reference date for the transaction.
                    required: true
                  - name: amount
                    logicalType: number
                    physicalType: DECIMAL(12,2)
                    classification: confidential
            team:
              name: seller-team
              members:
                - {username: ceastwood, name: Clint Eastwood, role: owner}
            slaProperties:
              - {property: latency, value: 4, unit: d, element: payments.transaction_reference_date}
            """;

    @ParameterizedTest
    @MethodSource("io.meshcatalog.graph.descriptor.DescriptorWriterTests#descriptors")
    void aDomainWrittenAsOdpsAndOdcsReadsBackEqual(Path file) {
        DomainDescriptor read = loader.load(file);

        String bundle = new StandardsWriter().write(read);

        assertThat(loader.load("standards of " + file.getFileName(), bundle)).isEqualTo(read);
    }

    @Test
    void aContractAloneIsAProductWithItsDatasetAndEveryStoredKey() {
        DomainDescriptor seller = loader.load("payments.odcs.yaml", CONTRACT);

        assertThat(seller.domain().id().value()).isEqualTo("seller");
        assertThat(seller.domain().team().name()).isEqualTo("seller-team");
        DataProduct product = seller.products().get(0);
        assertThat(product.id().value()).isEqualTo("seller.payments");
        assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(product.version()).isEqualTo("1.1.0");
        assertThat(product.team().name()).isEqualTo("seller-team");
        assertThat(product.sla())
                .singleElement()
                .satisfies(sla -> assertThat(sla.element()).isEqualTo("payments.transaction_reference_date"));
        Dataset payments = product.datasets().get(0);
        assertThat(payments.id().value()).isEqualTo("seller.payments");
        assertThat(payments.physicalType()).isEqualTo("table");
        assertThat(payments.businessName()).isEqualTo("Payments");
        assertThat(payments.fields())
                .extracting(Field::name, Field::physicalType, Field::businessName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("transaction_reference_date", "DATE", "Transaction date"),
                        org.assertj.core.groups.Tuple.tuple("amount", "DECIMAL(12,2)", ""));
    }

    @Test
    void keysTheStandardDefinesButTheCatalogDoesNotStoreAreRefusedByNameAndLine() {
        String withServers = CONTRACT.replace("dataProduct: seller.payments\n", """
                dataProduct: seller.payments
                servers:
                  - {server: prod, type: postgres}
                """)
                .replace("        required: true\n", "        required: true\n        unique: true\n");

        DescriptorException refused =
                catchThrowableOfType(DescriptorException.class, () -> loader.load("payments.odcs.yaml", withServers));

        assertThat(refused.getMessage())
                .contains(
                        "payments.odcs.yaml:9:1: document 1.servers: 'servers' is a key of the standard that the catalog does "
                                + "not store",
                        "payments.odcs.yaml:27:9: products[0].schema[0].properties[0].unique: 'unique' is a key of the "
                                + "standard that the catalog does not store");
    }

    @Test
    void documentsOfTwoDomainsAndUnknownCustomPropertiesAreRefused() {
        String two = CONTRACT + "---\n"
                + CONTRACT.replace("domain: seller", "domain: buyer").replace("customProperties", "x")
                + "customProperties:\n  - {property: colour, value: blue}\n";

        DescriptorException refused = catchThrowableOfType(DescriptorException.class, () -> loader.load("two", two));

        assertThat(refused.getMessage())
                .contains(
                        "every document of one descriptor is of one domain; this one is of "
                                + "'buyer', the first of 'seller'",
                        "custom property 'colour' is not one the catalog reads");
    }

    @Test
    void aMeshcatalogDescriptorIsOneDocument() {
        String twice = "apiVersion: meshcatalog/v1\nkind: Domain\n---\napiVersion: meshcatalog/v1\n";

        assertThat(catchThrowableOfType(DescriptorException.class, () -> loader.load("twice", twice))
                        .getMessage())
                .contains("a meshcatalog/v1 descriptor is one document");
    }
}
