package io.meshcatalog.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNeo4jIT {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestartInTheSameFolder() {
        GraphSettings settings = new GraphSettings(null, "neo4j", "", home, 0, 32L * 1024 * 1024);
        try (GraphConnection first = GraphConnection.open(settings)) {
            assertThat(first.isEmbedded()).isTrue();
            assertThat(first.uri().toString()).startsWith("bolt://127.0.0.1:");
            first.driver().executableQuery("CREATE (:Marker {name: $name})").withParameters(Map.of("name", "kept"))
                    .execute();
        }
        try (GraphConnection second = GraphConnection.open(settings)) {
            var names = second.driver().executableQuery("MATCH (m:Marker) RETURN m.name AS name").execute()
                    .records().stream().map(r -> r.get("name").asString()).toList();
            assertThat(names).containsExactly("kept");
        }
    }

    @Test
    void environmentWithoutUriMeansEmbeddedAndNeverPrintsThePassword() {
        GraphSettings embedded = GraphSettings.fromEnvironment(Map.of("MESH_DATA_DIR", home.toString()));
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.dataDir()).isEqualTo(home.resolve("neo4j"));

        GraphSettings external = GraphSettings.fromEnvironment(Map.of("NEO4J_URI", "neo4j://graph.internal:7687",
                "NEO4J_USERNAME", "catalog", "NEO4J_PASSWORD", "s3cret"));
        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.username()).isEqualTo("catalog");
        assertThat(external.toString()).contains("graph.internal").doesNotContain("s3cret");
    }

    @Test
    void unreachableExternalServerIsNamedInTheError() {
        GraphSettings settings = GraphSettings.fromEnvironment(Map.of("NEO4J_URI", "bolt://127.0.0.1:1",
                "NEO4J_PASSWORD", "x"));
        assertThatThrownBy(() -> GraphConnection.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bolt://127.0.0.1:1");
    }
}
