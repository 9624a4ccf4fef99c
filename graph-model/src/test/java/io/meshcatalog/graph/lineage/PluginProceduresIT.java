package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.embedded.PluginNeo4jTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Neo4j as a server: a process of its own, reached through {@code NEO4J_URI}, with graph-model's plugin jar in its
 * plugins folder. The store finds the procedures there and walks with them, with the same answers.
 */
@PluginNeo4jTest
class PluginProceduresIT extends ServerProceduresContract {

    PluginProceduresIT(Driver driver) {
        super(driver);
    }

    @Test
    void theProceduresComeFromThePluginJar() {
        assertThat(driver.executableQuery("SHOW PROCEDURES YIELD name, description WHERE name STARTS WITH "
                + "'meshcatalog.' RETURN name, description").execute().records())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("name").asString()).isEqualTo("meshcatalog.walk");
                    assertThat(row.get("description").asString()).startsWith("Breadth-first along FEEDS");
                });
    }
}
