package io.meshcatalog.gateway.supergraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Apollo's authorization directives from supergraphs, and refusing the uses the router would not take. */
class AuthDirectivesTests {

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/golden", name, "supergraph.graphql"));
    }

    @Test
    void requirementsOfTypesAndFieldsAreRead() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("requires-scopes"));
        assertThat(supergraph
                        .type("Customer")
                        .orElseThrow()
                        .field("email")
                        .orElseThrow()
                        .access())
                .isEqualTo(new AuthRequirements(
                        false, List.of(List.of("crm:read", "pii:read"), List.of("admin")), List.of()));
        assertThat(supergraph.type("Segment").orElseThrow().access().scopes()).containsExactly(List.of("crm:segments"));
        assertThat(supergraph
                        .type("Customer")
                        .orElseThrow()
                        .field("name")
                        .orElseThrow()
                        .access()
                        .isNone())
                .isTrue();
        Supergraph authenticated = new SupergraphParser().parse(golden("authenticated"));
        assertThat(authenticated.type("Level").orElseThrow().access().authenticated())
                .isTrue();
        assertThat(authenticated.type("Secret").orElseThrow().access().authenticated())
                .isTrue();
    }

    @Test
    void directivesAreReadUnderTheNamesTheirLinksGiveThem() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("authorization-renamed-imports"));
        TypeDef vault = supergraph.type("Vault").orElseThrow();
        assertThat(vault.field("owner").orElseThrow().access().authenticated()).isTrue();
        assertThat(vault.field("balance").orElseThrow().access().scopes()).containsExactly(List.of("vault:read"));
        assertThat(vault.field("combination").orElseThrow().access().policies()).containsExactly(List.of("keyholders"));
        assertThat(supergraph.policyNames()).containsExactly("keyholders");
    }

    @Test
    void apiSchemaHasNoAuthorizationDirectiveOrSpecTypeWhateverTheirNames() throws IOException {
        Supergraph supergraph = new SupergraphParser().parse(golden("authorization-renamed-imports"));
        for (String directive :
                List.of("auth", "scopes", "federation__policy", "authenticated", "requiresScopes", "policy")) {
            assertThat(supergraph.apiSchema().getDirective(directive))
                    .as(directive)
                    .isNull();
        }
        assertThat(supergraph.apiSchema().getType("requiresScopes__Scope")).isNull();
        assertThat(supergraph
                        .apiSchema()
                        .getObjectType("Vault")
                        .getFieldDefinition("owner")
                        .getAppliedDirectives())
                .isEmpty();
    }

    @Test
    void linkAsRenamesTheSpecsOwnDirective() throws IOException {
        String sdl = golden("authenticated")
                .replace(
                        "@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)",
                        "@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", as: \"signedIn\", for: SECURITY)")
                .replace("directive @authenticated ", "directive @signedIn ")
                .replace("@authenticated", "@signedIn");
        Supergraph supergraph = new SupergraphParser().parse(sdl);
        assertThat(supergraph
                        .type("User")
                        .orElseThrow()
                        .field("email")
                        .orElseThrow()
                        .access()
                        .authenticated())
                .isTrue();
        assertThat(supergraph.apiSchema().getDirective("signedIn")).isNull();
    }

    @Test
    void unknownSpecVersionIsRefusedWithItsUrl() throws IOException {
        String sdl = golden("authenticated").replace("authenticated/v0.1", "authenticated/v0.2");
        assertThatThrownBy(() -> new SupergraphParser().parse(sdl))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("https://specs.apollo.dev/authenticated/v0.2")
                .hasMessageContaining("v0.1");
    }

    @Test
    void directiveApplicationWithoutItsLinkIsRefusedWithItsCoordinate() throws IOException {
        String sdl = golden("authenticated")
                .replace("  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n", "");
        assertThatThrownBy(() -> new SupergraphParser().parse(sdl))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("Internal")
                .hasMessageContaining("@authenticated is applied but not linked");
    }

    @Test
    void malformedScopesAreRefusedWithTheCoordinate() throws IOException {
        String sdl = golden("requires-scopes")
                .replace(
                        "@requiresScopes(scopes: [[\"crm:segments\"]])", "@requiresScopes(scopes: [\"crm:segments\"])");
        assertThatThrownBy(() -> new SupergraphParser().parse(sdl))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("type Segment")
                .hasMessageContaining("list of lists");
    }

    @Test
    void directiveOnAnArgumentIsRefusedWithItsCoordinate() throws IOException {
        String sdl = golden("authenticated").replace("user(id: ID!): User", "user(id: ID! @authenticated): User");
        assertThatThrownBy(() -> new SupergraphParser().parse(sdl))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("argument Query.user(id:)")
                .hasMessageContaining("may not be used on arguments");
    }

    @Test
    void directiveAppliedTwiceIsRefused() throws IOException {
        String sdl = golden("authenticated")
                .replace("price: Int @authenticated", "price: Int @authenticated @authenticated");
        assertThatThrownBy(() -> new SupergraphParser().parse(sdl))
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("field Product.price")
                .hasMessageContaining("not repeatable");
    }
}
