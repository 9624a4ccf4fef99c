package io.meshcatalog.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SavedQueryTests {

    @Test
    void aHeadersLineGivesTheHeadersTheQueryIsSentWith() {
        SavedQuery query =
                SavedQuery.parse("q.graphql", "# Who am I?\n# headers: {\"X-Api-Key\": \"mck_x\"}\n{ me }\n");

        assertThat(query.headers()).isEqualTo(Map.of("X-Api-Key", "mck_x"));
        assertThat(query.query()).startsWith("# Who am I?");
        assertThat(query.headersJson()).contains("\"X-Api-Key\" : \"mck_x\"");
    }

    @Test
    void aQueryWithoutAHeadersLineIsSentWithout() {
        SavedQuery query = SavedQuery.parse("q.graphql", "# public\n{ search { totalCount } }\n");

        assertThat(query.headers()).isEmpty();
        assertThat(query.headersJson()).isEmpty();
    }

    @Test
    void aBadHeadersLineIsNamedWithItsFile() {
        assertThatThrownBy(() -> SavedQuery.parse("a.graphql", "# headers: [\"x\"]\n{ a }"))
                .hasMessageContaining("a.graphql")
                .hasMessageContaining("takes a JSON object");
        assertThatThrownBy(() -> SavedQuery.parse("b.graphql", "# headers: {\"X-Api-Key\": 42}\n{ a }"))
                .hasMessageContaining("b.graphql")
                .hasMessageContaining("X-Api-Key must be a string");
        assertThatThrownBy(() -> SavedQuery.parse("c.graphql", "# headers: {nope\n{ a }"))
                .hasMessageContaining("c.graphql")
                .hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> SavedQuery.parse("d.graphql", "# headers: {}\n# headers: {}\n{ a }"))
                .hasMessageContaining("d.graphql")
                .hasMessageContaining("more than one");
    }

    /** A saved query runs as a demo persona or as nobody: never with a key the demo does not know. */
    @Test
    void everySavedQueryNamesOnlyTheKeyOfADemoPersona() throws IOException {
        Properties personas = new Properties();
        try (InputStream in = SavedQueryTests.class.getResourceAsStream("/demo/personas.properties")) {
            personas.load(in);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("..", "queries"))) {
            files = listing.filter(file -> file.toString().endsWith(".graphql"))
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            SavedQuery query = SavedQuery.parse(file.getFileName().toString(), Files.readString(file));
            query.headers().forEach((name, value) -> {
                assertThat(name).as(file.toString()).isEqualTo("X-Api-Key");
                assertThat(personas.values())
                        .as(file + ": a demo persona's key")
                        .contains(ApiKeyFormat.configuredHash(ApiKeyFormat.sha256(value)));
            });
        }
    }
}
