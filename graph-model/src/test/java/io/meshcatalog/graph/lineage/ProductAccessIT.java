package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.ProductAccess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The visibility rule is written twice: as the Cypher predicate every read of the store includes
 * ({@code visible-product.cypher}) and as {@link ProductAccess} for domain subgraphs, which hold descriptors and no
 * graph. Here both answer every combination of visibility, ownership, grant and viewer, and must agree.
 */
@Neo4jIntegrationTest
class ProductAccessIT {

    private static final Viewer ADMIN = new Viewer(true, true, "root", Set.of());
    private static final Map<String, Viewer> VIEWERS = Map.of(
            "anonymous", Viewer.PUBLIC,
            "nobody's member", Viewer.of("nora", Set.of()),
            "outsider", Viewer.of("otto", Set.of("other-team")),
            "domain team", Viewer.of("dora", Set.of("rule-team")),
            "own team", Viewer.of("owen", Set.of("own-team")),
            "granted team", Viewer.of("gus", Set.of("grantee-team")),
            "granted alone", Viewer.of("gina", Set.of("other-team")),
            "expired team", Viewer.of("liam", Set.of("late-team")),
            "admin", ADMIN);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LineageStore store;
    /** Products by id with their visibility and owning team. */
    private final Map<String, Map.Entry<Visibility, String>> products = new LinkedHashMap<>();

    ProductAccessIT(Driver driver) {
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
    }

    @BeforeEach
    void loadEveryCombination() {
        store.initSchema();
        StringBuilder yaml = new StringBuilder("""
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: rule, team: {name: rule-team}}
                products:
                """);
        for (Visibility visibility : Visibility.values()) {
            for (boolean ownTeam : List.of(true, false)) {
                String name = visibility.name().toLowerCase() + (ownTeam ? "_own" : "_inherited");
                products.put("rule." + name, Map.entry(visibility, ownTeam ? "own-team" : "rule-team"));
                yaml.append("  - id: rule.")
                        .append(name)
                        .append("\n    status: active\n    visibility: ")
                        .append(visibility.name().toLowerCase())
                        .append('\n')
                        .append(ownTeam ? "    team: {name: own-team}\n" : "")
                        .append("    schema: [{name: ")
                        .append(name)
                        .append(", properties: [{name: id, logicalType: string}]}]\n");
            }
        }
        store.upsert(Fixtures.yaml("rule.yaml", yaml.toString()));
        Instant inAWeek = clock.instant().plus(Duration.ofDays(7));
        grant(Viewer.of("gus", Set.of("grantee-team")), "rule.private_own", "grantee-team", inAWeek);
        grant(Viewer.of("gus", Set.of("grantee-team")), "rule.internal_inherited", "grantee-team", inAWeek);
        grant(Viewer.of("gina", Set.of("other-team")), "rule.private_inherited", null, inAWeek);
        grant(
                Viewer.of("liam", Set.of("late-team")),
                "rule.private_own",
                "late-team",
                clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(2));
    }

    @Test
    void theCypherPredicateAndTheJavaRuleAgreeOnEveryCombination() {
        Map<String, Set<String>> granted = Map.of(
                "granted team",
                Set.of("rule.private_own", "rule.internal_inherited"),
                "granted alone",
                Set.of("rule.private_inherited"));
        int seen = 0;
        int hidden = 0;
        for (Map.Entry<String, Viewer> viewer : VIEWERS.entrySet()) {
            Set<String> grants = granted.getOrDefault(viewer.getKey(), Set.of());
            assertThat(store.grantedProducts(viewer.getValue()))
                    .as(viewer.getKey())
                    .isEqualTo(grants);
            for (Map.Entry<String, Map.Entry<Visibility, String>> product : products.entrySet()) {
                boolean rule = ProductAccess.maySee(
                        viewer.getValue(),
                        product.getValue().getKey(),
                        product.getValue().getValue(),
                        product.getKey(),
                        grants);
                boolean graph =
                        store.product(viewer.getValue(), product.getKey()).isPresent();
                assertThat(graph)
                        .as("%s sees %s", viewer.getKey(), product.getKey())
                        .isEqualTo(rule);
                seen += rule ? 1 : 0;
                hidden += rule ? 0 : 1;
            }
        }
        assertThat(seen).isPositive();
        assertThat(hidden).isPositive();
    }

    @Test
    void browsingListsExactlyWhatTheRuleShows() {
        for (Map.Entry<String, Viewer> viewer : VIEWERS.entrySet()) {
            Set<String> grants = store.grantedProducts(viewer.getValue());
            List<String> expected = products.entrySet().stream()
                    .filter(p -> ProductAccess.maySee(
                            viewer.getValue(),
                            p.getValue().getKey(),
                            p.getValue().getValue(),
                            p.getKey(),
                            grants))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            SearchPage page = store.search(
                    viewer.getValue(),
                    SearchQuery.text("").withKinds(Set.of(NodeKind.PRODUCT)).page(0, 100));
            assertThat(page.hits())
                    .as(viewer.getKey())
                    .extracting(SearchHit::id)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(page.total()).as(viewer.getKey()).isEqualTo(expected.size());
        }
    }

    private void grant(Viewer requester, String product, @Nullable String team, Instant until) {
        AccessRequest request = store.requestAccess(requester, product, team, "rule-check", until);
        store.decideAccess(ADMIN, request.id(), AccessDecision.APPROVE, "");
    }
}
