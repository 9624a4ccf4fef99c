package io.meshcatalog.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

class EmbeddedNeo4jIT {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestartInTheSameFolder() {
        GraphSettings settings = new GraphSettings(null, "neo4j", "", home, 0, 32L * 1024 * 1024);
        try (GraphConnection first = GraphConnection.open(settings)) {
            assertThat(first.isEmbedded()).isTrue();
            assertThat(first.uri().toString()).startsWith("bolt://127.0.0.1:");
            first.driver()
                    .executableQuery("CREATE (:Marker {name: $name})")
                    .withParameters(Map.of("name", "kept"))
                    .execute();
        }
        try (GraphConnection second = GraphConnection.open(settings)) {
            var names =
                    second
                            .driver()
                            .executableQuery("MATCH (m:Marker) RETURN m.name AS name")
                            .execute()
                            .records()
                            .stream()
                            .map(r -> r.get("name").asString())
                            .toList();
            assertThat(names).containsExactly("kept");
        }
    }

    @Test
    void boltRefusesClientsWithoutThePasswordKeptInTheDataFolder() throws Exception {
        GraphSettings settings = new GraphSettings(null, "neo4j", "", home, 0, 32L * 1024 * 1024);
        String password;
        try (GraphConnection first = GraphConnection.open(settings)) {
            URI bolt = first.uri();
            Path file = home.resolve(BoltPassword.FILE);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);

            assertThat(connects(bolt, AuthTokens.none())).as("no password").startsWith("refused");
            assertThat(connects(bolt, AuthTokens.basic("neo4j", "neo4j")))
                    .as("the default password")
                    .startsWith("refused");
            assertThat(connects(bolt, AuthTokens.basic("neo4j", password + "x")))
                    .as("a wrong one")
                    .startsWith("refused");
            assertThat(connects(bolt, AuthTokens.basic("neo4j", password))).isEqualTo("connected");
        }
        try (GraphConnection second = GraphConnection.open(settings)) {
            assertThat(Files.readString(home.resolve(BoltPassword.FILE)).strip())
                    .as("kept across restarts")
                    .isEqualTo(password);
            assertThat(connects(second.uri(), AuthTokens.basic("neo4j", password)))
                    .isEqualTo("connected");
        }
    }

    private static String connects(URI bolt, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(bolt, token)) {
            driver.executableQuery("RETURN 1").execute();
            return "connected";
        } catch (RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void environmentWithoutUriMeansEmbeddedAndNeverPrintsThePassword() {
        GraphSettings embedded = GraphSettings.fromEnvironment(Map.of("MESH_DATA_DIR", home.toString()));
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.dataDir()).isEqualTo(home.resolve("neo4j"));

        GraphSettings external = GraphSettings.fromEnvironment(Map.of(
                "NEO4J_URI", "neo4j://graph.internal:7687", "NEO4J_USERNAME", "catalog", "NEO4J_PASSWORD", "s3cret"));
        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.username()).isEqualTo("catalog");
        assertThat(external.toString()).contains("graph.internal").doesNotContain("s3cret");
    }

    @Test
    void unreachableExternalServerIsNamedInTheError() {
        GraphSettings settings =
                GraphSettings.fromEnvironment(Map.of("NEO4J_URI", "bolt://127.0.0.1:1", "NEO4J_PASSWORD", "x"));
        assertThatThrownBy(() -> GraphConnection.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bolt://127.0.0.1:1");
    }
}
