package io.meshcatalog.graph.lineage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/** The whole graph as sorted text lines: equal fingerprints mean equal graphs, ids and properties included. */
final class GraphFingerprint {

    private GraphFingerprint() {}

    static List<String> of(Driver driver) {
        Stream<String> nodes = driver.executableQuery("""
                MATCH (n)
                RETURN labels(n) AS labels, properties(n) AS properties
                """).execute().records().stream()
                .map(r -> r.get("labels").asList(Value::asString) + " "
                        + sorted(r.get("properties").asMap()));
        Stream<String> relationships = driver.executableQuery("""
                MATCH (a)-[r]->(b)
                RETURN coalesce(a.id, a.name, a.username, a.property, '') AS from, type(r) AS type,
                       coalesce(b.id, b.name, b.username, b.property, '') AS to, properties(r) AS properties
                """).execute().records().stream()
                .map(r -> r.get("from").asString() + " -" + r.get("type").asString() + "-> "
                        + r.get("to").asString() + " "
                        + sorted(r.get("properties").asMap()));
        return Stream.concat(nodes, relationships).sorted().toList();
    }

    private static String sorted(Map<String, Object> properties) {
        return new TreeMap<>(properties).toString();
    }
}
