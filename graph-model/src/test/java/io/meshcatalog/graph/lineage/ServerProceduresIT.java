package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The embedded Neo4j has the store's procedures, and walking with them answers exactly what walking
 * level by level in Cypher answers (the way to a server without them), from every node of the fixtures.
 */
@Neo4jIntegrationTest
class ServerProceduresIT {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    private final Driver driver;
    private final LineageStore inside;
    private final LineageStore cypher;

    ServerProceduresIT(Driver driver) {
        this.driver = driver;
        this.inside = new LineageStore(driver);
        this.cypher = new LineageStore(driver, TraversalLimits.DEFAULT, Clock.systemUTC(),
                LineageStore.Procedures.NEVER);
    }

    @BeforeEach
    void loadFixture() {
        inside.initSchema();
        Fixtures.lineage().forEach(inside::upsert);
    }

    @Test
    void theEmbeddedServerWalksInsideNeo4jUnlessToldNotTo() {
        assertThat(inside.walks()).startsWith("run inside Neo4j");
        assertThat(cypher.walks()).isEqualTo("run in Cypher, one round trip per level");
    }

    @Test
    void bothWaysGiveTheSameLineageAndImpactFromEveryNode() {
        List<NodeRef> roots = roots();
        assertThat(roots).hasSizeGreaterThan(30);
        for (NodeRef root : roots) {
            assertThat(inside.impact(ADMIN, root, null)).as("impact of %s", root)
                    .isEqualTo(cypher.impact(ADMIN, root, null));
            assertThat(inside.impact(ADMIN, root, 2)).as("impact of %s, depth 2", root)
                    .isEqualTo(cypher.impact(ADMIN, root, 2));
            for (Direction direction : Direction.values()) {
                assertThat(inside.lineage(ADMIN, root, direction, null)).as("%s lineage of %s", direction, root)
                        .isEqualTo(cypher.lineage(ADMIN, root, direction, null));
            }
        }
    }

    @Test
    void bothWaysHideTheSameNodesFromEveryViewer() {
        Fixtures.visibility().forEach(inside::upsert);
        List<Viewer> viewers = List.of(Viewer.PUBLIC, Viewer.of("olga", Set.of("ads-team")),
                Viewer.of("carl", Set.of("crm-team")));
        int hiding = 0;
        List<NodeRef> roots = roots().stream().filter(root -> root.id().matches("(shop|crm|ads)\\..*")).toList();
        assertThat(roots).hasSize(14);
        for (NodeRef root : roots) {
            for (Viewer viewer : viewers) {
                ImpactReport impact;
                try {
                    impact = inside.impact(viewer, root, null);
                } catch (UnknownNodeException hidden) {
                    assertThatThrownBy(() -> cypher.impact(viewer, root, null)).isInstanceOf(UnknownNodeException.class);
                    continue;
                }
                hiding += impact.hidden().isEmpty() ? 0 : 1;
                assertThat(impact).as("impact of %s for %s", root, viewer).isEqualTo(cypher.impact(viewer, root, null));
                for (Direction direction : Direction.values()) {
                    assertThat(inside.lineage(viewer, root, direction, null)).as("%s of %s for %s", direction, root,
                            viewer).isEqualTo(cypher.lineage(viewer, root, direction, null));
                }
            }
        }
        assertThat(hiding).as("answers that hide something").isGreaterThanOrEqualTo(5);
    }

    @Test
    void bothWaysCutAtTheSameLimits() {
        NodeRef source = NodeRef.dataset("alpha.source");
        TraversalLimits shallow = new TraversalLimits(1, 1, 1_000);
        ImpactReport depthCut = store(shallow, LineageStore.Procedures.NEVER).impact(ADMIN, source, null);
        assertThat(depthCut.truncated()).isTrue();
        assertThat(store(shallow, LineageStore.Procedures.USE_WHEN_PRESENT).impact(ADMIN, source, null))
                .isEqualTo(depthCut);

        NodeRef hub = NodeRef.dataset("alpha.hub");

        // which nodes a size limit keeps depends on the order they come back in; how many does not
        TraversalLimits few = new TraversalLimits(5, 10, 4);
        ImpactReport sizeCut = store(few, LineageStore.Procedures.NEVER).impact(ADMIN, hub, 5);
        ImpactReport sizeCutInside = store(few, LineageStore.Procedures.USE_WHEN_PRESENT).impact(ADMIN, hub, 5);
        assertThat(sizeCut.truncated()).isTrue();
        assertThat(sizeCutInside.truncated()).isTrue();
        assertThat(sizeCutInside.ofKind(NodeKind.DATASET)).hasSize(4).hasSameSizeAs(sizeCut.ofKind(NodeKind.DATASET));
    }

    private LineageStore store(TraversalLimits limits, LineageStore.Procedures procedures) {
        return new LineageStore(driver, limits, Clock.systemUTC(), procedures);
    }

    private List<NodeRef> roots() {
        List<NodeRef> roots = new ArrayList<>();
        driver.executableQuery("""
                MATCH (n) WHERE (n:DataProduct OR n:Dataset OR n:Field) AND NOT coalesce(n.placeholder, false)
                RETURN labels(n) AS labels, n.id AS id ORDER BY id""").execute().records().forEach(row -> {
                    List<String> labels = row.get("labels").asList(Value::asString);
                    String id = row.get("id").asString();
                    roots.add(labels.contains("DataProduct") ? NodeRef.product(id)
                            : labels.contains("Dataset") ? NodeRef.dataset(id) : NodeRef.field(id));
                });
        return roots;
    }
}
