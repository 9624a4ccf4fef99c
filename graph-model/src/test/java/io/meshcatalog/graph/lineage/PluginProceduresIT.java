package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.ServerNeo4jTest;
import io.meshcatalog.graph.procedures.OwnerCacheExtension;
import io.meshcatalog.graph.procedures.search.SearchIndexExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.extension.ExtensionFactory;

/**
 * Neo4j as a server: a process of its own, reached through {@code NEO4J_URI}, with graph-model's plugin jar in its
 * plugins folder. The store finds the procedures there and walks with them, with the same answers.
 */
@ServerNeo4jTest
class PluginProceduresIT extends ServerProceduresContract {

    PluginProceduresIT(Driver driver) {
        super(driver);
    }

    @Test
    void bothWaysHideTheSameNodesFromEveryViewer() {
        Fixtures.visibility().forEach(inside::upsert);
        List<Viewer> viewers =
                List.of(Viewer.PUBLIC, Viewer.of("olga", Set.of("ads-team")), Viewer.of("carl", Set.of("crm-team")));
        int hiding = 0;
        List<NodeRef> roots = roots().stream()
                .filter(root -> root.id().matches("(shop|crm|ads)\\..*"))
                .toList();
        assertThat(roots).hasSize(14);
        for (NodeRef root : roots) {
            for (Viewer viewer : viewers) {
                ImpactReport impact;
                try {
                    impact = inside.impact(viewer, root, null);
                } catch (UnknownNodeException hidden) {
                    assertThatThrownBy(() -> cypher.impact(viewer, root, null))
                            .isInstanceOf(UnknownNodeException.class);
                    continue;
                }
                hiding += impact.hidden().isEmpty() ? 0 : 1;
                assertThat(impact).as("impact of %s for %s", root, viewer).isEqualTo(cypher.impact(viewer, root, null));
                // downstream, the impact above walks as lineage does; upstream is the other way through the procedure
                assertThat(inside.lineage(viewer, root, Direction.UPSTREAM, null))
                        .as("upstream of %s for %s", root, viewer)
                        .isEqualTo(cypher.lineage(viewer, root, Direction.UPSTREAM, null));
            }
        }
        assertThat(hiding).as("answers that hide something").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theProceduresComeFromThePluginJar() throws IOException, InterruptedException {
        assertThat(driver.executableQuery("SHOW PROCEDURES YIELD name, description WHERE name STARTS WITH "
                                + "'meshcatalog.' RETURN name, description ORDER BY name")
                        .execute()
                        .records())
                .satisfiesExactly(
                        row -> {
                            assertThat(row.get("name").asString()).isEqualTo("meshcatalog.ownerCache");
                            assertThat(row.get("description").asString())
                                    .startsWith("Whether this database keeps the owners");
                        },
                        row -> {
                            assertThat(row.get("name").asString()).isEqualTo("meshcatalog.search");
                            assertThat(row.get("description").asString())
                                    .startsWith("Full-text search of the catalog's nodes over its search index");
                        },
                        row -> {
                            assertThat(row.get("name").asString()).isEqualTo("meshcatalog.searchIndex");
                            assertThat(row.get("description").asString())
                                    .startsWith("The state of this database's search index");
                        },
                        row -> {
                            assertThat(row.get("name").asString()).isEqualTo("meshcatalog.walk");
                            assertThat(row.get("description").asString()).startsWith("Breadth-first along FEEDS");
                        });
        // the jar names the owner cache's and the search index's extensions as services (as a server finds extensions),
        // and the server has them
        try (JarFile jar =
                new JarFile(Path.of("target", "graph-model-neo4j-plugin.jar").toFile())) {
            JarEntry services = jar.getJarEntry("META-INF/services/" + ExtensionFactory.class.getName());
            assertThat(services).as("the plugin jar's extension services").isNotNull();
            try (InputStream in = jar.getInputStream(services)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(OwnerCacheExtension.class.getName(), SearchIndexExtension.class.getName());
            }
        }
        assertThat(driver.executableQuery("CALL meshcatalog.ownerCache() YIELD state RETURN state")
                        .execute()
                        .records()
                        .get(0)
                        .get("state")
                        .asString())
                .startsWith("on: generation ");
        // the search index is built in the background once the database is up; searches ask it when it is ready
        String state = "";
        for (int tries = 0; tries < 600 && !state.startsWith("ready"); tries++) {
            state = driver.executableQuery("CALL meshcatalog.searchIndex() YIELD state RETURN state")
                    .execute()
                    .records()
                    .get(0)
                    .get("state")
                    .asString();
            Thread.sleep(100);
        }
        assertThat(state).startsWith("ready: ");
        assertThat(inside.walks()).contains("searches ask the search index inside Neo4j");
    }
}
