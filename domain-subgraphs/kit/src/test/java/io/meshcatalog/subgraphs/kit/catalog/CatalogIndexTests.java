package io.meshcatalog.subgraphs.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIndexTests {

    CatalogIndex index;

    @BeforeEach
    void load() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/depot.yaml")) {
            assertThat(in).isNotNull();
            index = CatalogIndex.of(new DescriptorLoader()
                    .load("depot.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void productsKeepTheDescriptorOrder() {
        assertThat(index.products()).extracting(CatalogProduct::id).containsExactly("depot.stock", "depot.picks");
    }

    @Test
    void productWithoutTeamIsOwnedByItsDomainsTeam() {
        CatalogProduct picks = index.product("depot.picks").orElseThrow();

        assertThat(picks.owner().name()).isEqualTo("depot-team");
        assertThat(picks.ownerInherited()).isTrue();
        assertThat(index.product("depot.stock").orElseThrow().ownerInherited()).isFalse();
    }

    @Test
    void datasetsAreFoundByIdAndKnowTheirProduct() {
        assertThat(index.dataset("depot.picks")).map(CatalogDataset::productId).contains("depot.picks");
        assertThat(index.dataset("depot.nowhere")).isEmpty();
    }

    @Test
    void fieldsCarryTheirRefAndTheRefsTheyDeriveFrom() {
        CatalogField sku = index.dataset("depot.picks").orElseThrow().fields().get(0);

        assertThat(sku.ref()).isEqualTo("depot.picks.sku");
        assertThat(sku.derivedFrom()).containsExactly("depot.stock.sku");
        assertThat(sku.transformDescription()).isEqualTo("copied");
    }

    @Test
    void enumsAreServedByTheirGraphQlNames() {
        CatalogProduct picks = index.product("depot.picks").orElseThrow();

        assertThat(picks.status()).isEqualTo("DRAFT");
        assertThat(picks.consumers().get(0).kind()).isEqualTo("DASHBOARD");
        assertThat(index.dataset("depot.stock").orElseThrow().fields().get(1).classification()).isEqualTo("INTERNAL");
    }
}
