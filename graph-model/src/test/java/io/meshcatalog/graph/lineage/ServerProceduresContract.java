package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A Neo4j with the store's procedures, and the fixtures loaded: walking with them must answer exactly what walking
 * level by level in Cypher answers (the way to a server without them). {@link ServerProceduresIT} checks it on the
 * embedded Neo4j as admin from every node of the fixtures and at the limits; {@link PluginProceduresIT} on a Neo4j
 * process with the plugin jar for every viewer (where the walk's own statement judges what each may see).
 * {@code VisibilityIT} runs every read both ways on the embedded Neo4j too.
 */
abstract class ServerProceduresContract {

    final Driver driver;
    final LineageStore inside;
    final LineageStore cypher;

    ServerProceduresContract(Driver driver) {
        this.driver = driver;
        this.inside = new LineageStore(driver);
        this.cypher =
                new LineageStore(driver, TraversalLimits.DEFAULT, Clock.systemUTC(), LineageStore.Procedures.NEVER);
    }

    @BeforeEach
    void loadFixture() {
        inside.initSchema();
        Fixtures.lineage().forEach(inside::upsert);
    }

    @Test
    void theServerWalksInsideNeo4jUnlessToldNotTo() {
        assertThat(inside.walks()).startsWith("run inside Neo4j");
        assertThat(cypher.walks()).startsWith("run in Cypher, one round trip per level");
    }

    List<NodeRef> roots() {
        List<NodeRef> roots = new ArrayList<>();
        driver.executableQuery("""
                MATCH (n) WHERE (n:DataProduct OR n:Dataset OR n:Field) AND NOT coalesce(n.placeholder, false)
                RETURN labels(n) AS labels, n.id AS id ORDER BY id""").execute().records().forEach(row -> {
            List<String> labels = row.get("labels").asList(Value::asString);
            String id = row.get("id").asString();
            roots.add(
                    labels.contains("DataProduct")
                            ? NodeRef.product(id)
                            : labels.contains("Dataset") ? NodeRef.dataset(id) : NodeRef.field(id));
        });
        return roots;
    }
}
