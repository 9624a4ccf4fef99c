package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The two ways of walking, inside Neo4j with the store's procedures and in plain Cypher, give the same answers from
 * every node of the fixtures, and cut at the same limits: on the Neo4j of the suite, so on the server process's
 * procedures from the plugin jar by default, and with {@code -Dit.neo4j=embedded} on those the embedded Neo4j registers
 * from the store's own classes.
 */
@Neo4jIntegrationTest
class ServerProceduresIT extends ServerProceduresContract {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    ServerProceduresIT(Driver driver) {
        super(driver);
    }

    @Test
    void bothWaysGiveTheSameLineageAndImpactFromEveryNode() {
        List<NodeRef> roots = roots();
        assertThat(roots).hasSizeGreaterThan(30);
        for (NodeRef root : roots) {
            assertThat(inside.impact(ADMIN, root, null))
                    .as("impact of %s", root)
                    .isEqualTo(cypher.impact(ADMIN, root, null));
            assertThat(inside.impact(ADMIN, root, 2))
                    .as("impact of %s, depth 2", root)
                    .isEqualTo(cypher.impact(ADMIN, root, 2));
            for (Direction direction : Direction.values()) {
                assertThat(inside.lineage(ADMIN, root, direction, null))
                        .as("%s lineage of %s", direction, root)
                        .isEqualTo(cypher.lineage(ADMIN, root, direction, null));
            }
        }
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
        ImpactReport sizeCutInside =
                store(few, LineageStore.Procedures.USE_WHEN_PRESENT).impact(ADMIN, hub, 5);
        assertThat(sizeCut.truncated()).isTrue();
        assertThat(sizeCutInside.truncated()).isTrue();
        assertThat(sizeCutInside.ofKind(NodeKind.DATASET)).hasSize(4).hasSameSizeAs(sizeCut.ofKind(NodeKind.DATASET));
    }

    private LineageStore store(TraversalLimits limits, LineageStore.Procedures procedures) {
        return new LineageStore(driver, limits, Clock.systemUTC(), procedures);
    }
}
