package io.meshcatalog.graph.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIndexTests {

    CatalogIndex index;

    @BeforeEach
    void load() throws IOException {
        index = CatalogIndex.of(descriptor("/fixtures/vocabulary/depot.yaml"));
    }

    @Test
    void severalDomainsShareOneIndexEachProductWithItsOwnDomain() throws IOException {
        CatalogIndex mesh = CatalogIndex.of(
                List.of(descriptor("/fixtures/vocabulary/depot.yaml"), descriptor("/fixtures/lineage/alpha.yaml")));

        assertThat(mesh.product("depot.picks"))
                .map(product -> product.domain().id())
                .contains("depot");
        assertThat(mesh.product("alpha.source"))
                .map(product -> product.domain().id())
                .contains("alpha");
        assertThat(mesh.dataset("depot.stock")).isPresent();
        assertThat(CatalogIndex.EMPTY.products()).isEmpty();
    }

    private DomainDescriptor descriptor(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            return new DescriptorLoader().load(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
        assertThat(index.dataset("depot.stock").orElseThrow().fields().get(1).classification())
                .isEqualTo("INTERNAL");
    }

    @Test
    void visibilityPurposeAndExamplesComeFromTheDescriptorAndExamplesAnswerPerViewer() throws IOException {
        CatalogIndex shop = CatalogIndex.of(
                List.of(descriptor("/fixtures/visibility/shop.yaml"), descriptor("/fixtures/visibility/ads.yaml")));
        CatalogProduct orders = shop.product("shop.orders").orElseThrow();
        CatalogField email = shop.dataset("shop.orders").orElseThrow().fields().get(1);

        assertThat(orders.visibility()).isEqualTo("PUBLIC");
        assertThat(shop.product("ads.audience").orElseThrow().visibility()).isEqualTo("INTERNAL");
        assertThat(shop.product("ads.audience").orElseThrow().consumers().get(0).purpose())
                .isEqualTo("advertising-audiences");
        assertThat(email.examples(Viewer.of("olga", Set.of()))).isEqualTo(new ExampleAccess.Examples(List.of(), true));
        assertThat(email.examples(Viewer.of("olga", Set.of()).withScopes(Set.of(ExampleAccess.PII_SCOPE)))
                        .values())
                .containsExactly("ana@example.com");
    }

    @Test
    void aProductIsVisibleToWhomTheRuleSays() throws IOException {
        CatalogIndex mesh = CatalogIndex.of(List.of(
                descriptor("/fixtures/visibility/shop.yaml"),
                descriptor("/fixtures/visibility/crm.yaml"),
                descriptor("/fixtures/visibility/ads.yaml")));
        CatalogProduct contacts = mesh.product("crm.contacts").orElseThrow();
        Viewer olga = Viewer.of("olga", Set.of("ads-team"));

        assertThat(contacts.visibleTo(olga, Set.of())).isFalse();
        assertThat(contacts.visibleTo(olga, Set.of("crm.contacts"))).isTrue();
        assertThat(contacts.visibleTo(Viewer.of("carl", Set.of("crm-team")), Set.of()))
                .isTrue();
        assertThat(contacts.visibleTo(Viewer.EVERYTHING, Set.of())).isTrue();
        assertThat(mesh.product("ads.audience").orElseThrow().visibleTo(Viewer.PUBLIC, Set.of()))
                .isFalse();
        assertThat(mesh.product("ads.audience").orElseThrow().visibleTo(olga, Set.of()))
                .isTrue();
        assertThat(mesh.product("shop.orders").orElseThrow().visibleTo(Viewer.PUBLIC, Set.of()))
                .isTrue();
    }
}
