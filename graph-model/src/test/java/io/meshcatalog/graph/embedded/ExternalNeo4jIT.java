package io.meshcatalog.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same store against a real Neo4j 5.26 server named by {@code NEO4J_URI}, as in production.
 * Needs a Docker engine; where there is none, JUnit reports this class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jIT {

    /** Sees every product: these tests are about lineage, not about who may see it. */
    private static final Viewer ADMIN = Viewer.EVERYTHING;

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26").withAdminPassword("test-password");

    @Test
    void neo4jUriSwitchesToAnExternalServerWithNoCodeChange() throws URISyntaxException {
        GraphSettings settings = GraphSettings.fromEnvironment(
                Map.of("NEO4J_URI", NEO4J.getBoltUrl(), "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", "test-password"));
        try (GraphConnection connection = GraphConnection.open(settings)) {
            assertThat(connection.isEmbedded()).isFalse();
            LineageStore store = new LineageStore(connection.driver());
            store.initSchema();
            Path fixtures = Path.of(
                    ExternalNeo4jIT.class.getResource("/fixtures/lineage").toURI());
            new DescriptorLoader().loadAll(fixtures).forEach(store::upsert);

            assertThat(store.impact(ADMIN, NodeRef.dataset("alpha.source"), null)
                            .ofKind(NodeKind.CONSUMER))
                    .hasSize(2);
        }
    }
}
