package io.meshcatalog.gateway.bench;

import io.meshcatalog.graph.bench.SyntheticMesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The floor an impact answer is measured against: the same answer computed by a plain breadth-first search over the
 * graph's edges loaded into arrays once (every {@code FEEDS}, each dataset's fields, each dataset's product), with
 * the owners the synthetic mesh gives products and consumers. An impact of a dataset starts at the dataset and its
 * fields, reaches each node once at its smallest degree up to the depth, and adds the products of the datasets it
 * reached (the start's own product only when it reached another of its datasets) and the teams owning those products
 * and the reached consumers: what {@code impact} answers an admin.
 */
final class ImpactFloor {

    private static final int DATASET = 0;
    private static final int CONSUMER = 1;

    /** What a walk reached: nodes (products included) and teams to notify. */
    record Reached(int nodes, int teams) {}

    private final Map<String, Integer> datasets = new HashMap<>();
    private final byte[] kinds;
    private final int[] feedsFrom;
    private final int[] feeds;
    private final int[] fieldsFrom;
    private final int[] fields;
    private final String[] productOf;
    private final String[] teamOf;
    private final Map<String, String> productTeams = new HashMap<>();
    /** Each node's degree in the current walk, -1 when not reached; reset after each walk. */
    private final int[] degree;

    private final int[] queue;

    private final SyntheticMesh mesh;

    private ImpactFloor(Driver driver, SyntheticMesh mesh) {
        this.mesh = mesh;
        Map<String, Integer> nodes = new HashMap<>();
        List<Byte> kindList = new ArrayList<>();
        List<int[]> feedEdges = new ArrayList<>();
        List<int[]> fieldEdges = new ArrayList<>();
        Map<Integer, String> products = new HashMap<>();
        Map<Integer, String> consumers = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("""
          MATCH (a)-[:FEEDS]->(b)
          RETURN elementId(a) AS a, elementId(b) AS b, a.id AS aId, b.id AS bId,
                 CASE WHEN a:Field THEN 2 WHEN a:Consumer THEN 1 ELSE 0 END AS aKind,
                 CASE WHEN b:Field THEN 2 WHEN b:Consumer THEN 1 ELSE 0 END AS bKind
          """)
                    .forEachRemaining(row -> feedEdges.add(new int[] {
                        node(nodes, kindList, row, "a", "aKind"), node(nodes, kindList, row, "b", "bKind")
                    }));
            session.run("""
          MATCH (d:Dataset)-[:HAS_FIELD]->(f:Field)
          RETURN elementId(d) AS d, elementId(f) AS f, d.id AS dId, 0 AS dKind, 2 AS fKind
          """)
                    .forEachRemaining(row -> fieldEdges.add(new int[] {
                        node(nodes, kindList, row, "d", "dKind"), node(nodes, kindList, row, "f", "fKind")
                    }));
            session.run("""
          MATCH (p:DataProduct)-[:PRODUCES]->(d:Dataset)
          RETURN elementId(d) AS d, d.id AS dId, 0 AS dKind, p.id AS product
          """)
                    .forEachRemaining(row -> products.put(
                            node(nodes, kindList, row, "d", "dKind"),
                            row.get("product").asString()));
            session.run("MATCH (c:Consumer) RETURN elementId(c) AS c, c.id AS cId, 1 AS cKind")
                    .forEachRemaining(row -> consumers.put(
                            node(nodes, kindList, row, "c", "cKind"),
                            row.get("cId").asString()));
        }
        kinds = new byte[kindList.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kindList.get(i);
        }
        int[][] feedCsr = csr(kinds.length, feedEdges);
        feedsFrom = feedCsr[0];
        feeds = feedCsr[1];
        int[][] fieldCsr = csr(kinds.length, fieldEdges);
        fieldsFrom = fieldCsr[0];
        fields = fieldCsr[1];
        productOf = new String[kinds.length];
        products.forEach((node, product) -> productOf[node] = product);
        for (int product = 0; product < mesh.products(); product++) {
            productTeams.put(
                    mesh.productId(product),
                    mesh.hasOwnTeam(product) ? mesh.productTeam(product) : mesh.domainTeam(mesh.domainOf(product)));
        }
        Map<String, String> consumerTeams = new HashMap<>();
        for (int consumer = 0; consumer < mesh.consumers(); consumer++) {
            consumerTeams.put(mesh.consumerId(consumer), mesh.domainTeam(mesh.consumerOwnerDomain(consumer)));
        }
        teamOf = new String[kinds.length];
        consumers.forEach((node, id) -> teamOf[node] = consumerTeams.get(id));
        degree = new int[kinds.length];
        Arrays.fill(degree, -1);
        queue = new int[kinds.length];
    }

    /** Loads the graph's edges; the time it takes is not part of any figure. */
    static ImpactFloor load(Driver driver, SyntheticMesh mesh) {
        return new ImpactFloor(driver, mesh);
    }

    /** The mesh the graph was loaded from. */
    SyntheticMesh mesh() {
        return mesh;
    }

    /** The impact of a dataset, {@code depth} deep. */
    Reached impact(String datasetId, int depth) {
        Integer root = datasets.get(datasetId);
        if (root == null) {
            throw new IllegalArgumentException("no dataset " + datasetId);
        }
        int head = 0;
        int tail = 0;
        degree[root] = 0;
        queue[tail++] = root;
        for (int i = fieldsFrom[root]; i < fieldsFrom[root + 1]; i++) {
            degree[fields[i]] = 0;
            queue[tail++] = fields[i];
        }
        Set<String> products = new HashSet<>();
        Set<String> teams = new HashSet<>();
        while (head < tail) {
            int node = queue[head++];
            if (kinds[node] == DATASET && productOf[node] != null && degree[node] > 0) {
                products.add(productOf[node]);
            }
            if (kinds[node] == CONSUMER && teamOf[node] != null) {
                teams.add(teamOf[node]);
            }
            if (degree[node] == depth) {
                continue;
            }
            for (int i = feedsFrom[node]; i < feedsFrom[node + 1]; i++) {
                int next = feeds[i];
                if (degree[next] < 0) {
                    degree[next] = degree[node] + 1;
                    queue[tail++] = next;
                }
            }
        }
        int starts = 1 + fieldsFrom[root + 1] - fieldsFrom[root];
        for (int i = 0; i < tail; i++) {
            degree[queue[i]] = -1;
        }
        products.forEach(product -> teams.add(productTeams.get(product)));
        return new Reached(tail - starts + products.size(), teams.size());
    }

    private int node(Map<String, Integer> nodes, List<Byte> kindList, Record row, String element, String kind) {
        return nodes.computeIfAbsent(row.get(element).asString(), key -> {
            kindList.add((byte) row.get(kind).asInt());
            if (row.get(kind).asInt() == DATASET) {
                datasets.put(row.get(element + "Id").asString(), nodes.size());
            }
            return nodes.size();
        });
    }

    /** Edges as compressed rows: where each node's targets start in the second array. */
    private static int[][] csr(int size, List<int[]> edges) {
        int[] from = new int[size + 1];
        edges.forEach(edge -> from[edge[0] + 1]++);
        for (int i = 0; i < size; i++) {
            from[i + 1] += from[i];
        }
        int[] to = new int[edges.size()];
        int[] next = Arrays.copyOf(from, size);
        edges.forEach(edge -> to[next[edge[0]]++] = edge[1]);
        return new int[][] {from, to};
    }
}
