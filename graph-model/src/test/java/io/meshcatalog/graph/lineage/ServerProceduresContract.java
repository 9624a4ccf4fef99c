package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A Neo4j with the store's procedures: walking with them answers exactly what walking level by level in Cypher
 * answers (the way to a server without them), for every viewer. Run against the embedded Neo4j
 * ({@link ServerProceduresIT}, which also walks from every node of the fixtures and checks the limits) and a Neo4j
 * process with the plugin jar ({@link PluginProceduresIT}).
 */
abstract class ServerProceduresContract {

    final Driver driver;
    final LineageStore inside;
    final LineageStore cypher;

    ServerProceduresContract(Driver driver) {
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
    void theServerWalksInsideNeo4jUnlessToldNotTo() {
        assertThat(inside.walks()).startsWith("run inside Neo4j");
        assertThat(cypher.walks()).isEqualTo("run in Cypher, one round trip per level");
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

    List<NodeRef> roots() {
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
