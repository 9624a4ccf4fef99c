package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.reliability.GatewayProcess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.embedded.GraphSettings;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * {@code java -jar gateway.jar --demo} killed with SIGKILL in the middle of its first harvest (right after the log
 * says the first domain is harvested, while the next is being written), then the graph as the kill left it is read
 * directly: every product in it is whole, exactly as a complete harvest writes it (a product is one transaction), and
 * no node is there twice. Started again on the same data, the gateway harvests again, and the graph holds every
 * product of every domain, still once each.
 */
class HarvestKillIT {

    private static final String FIRST_DOMAIN_DONE = "Harvested subgraph orders";

    @TempDir
    Path dir;

    @Test
    void aHarvestKilledHalfwayLeavesEveryProductWholeAndTheNextOneCompletesIt() throws Exception {
        Path data = dir.resolve("neo4j");
        int port = GatewayProcess.freePort();
        Process killed = start(data, port, "first").start();
        String line;
        try {
            line = killWhenLogged(killed, FIRST_DOMAIN_DONE);
        } finally {
            GatewayProcess.killTree(killed);
        }
        assertThat(line)
                .as(
                        "the gateway logged the first domain's harvest before it was killed; its log ended:%n%s",
                        tail(dir.resolve("first.log")))
                .isNotNull();
        Map<String, String> afterKill = productsIn(data);

        Process again = start(data, port, "again")
                .redirectOutput(dir.resolve("again.log").toFile())
                .start();
        try {
            GatewayProcess.awaitHealthy(again, port, dir);
        } finally {
            GatewayProcess.killTree(again);
        }
        Map<String, String> complete = productsIn(data);

        assertThat(afterKill).as("the products the killed harvest wrote").isNotEmpty();
        assertThat(complete.keySet())
                .as("every domain's products once the next harvest is done")
                .containsAll(afterKill.keySet())
                .hasSizeGreaterThan(afterKill.size())
                .anyMatch(id -> id.startsWith("orders."))
                .anyMatch(id -> id.startsWith("finance."));
        afterKill.forEach((id, product) ->
                assertThat(product).as("product %s as the kill left it", id).isEqualTo(complete.get(id)));
        System.out.printf(
                "HarvestKillIT: %d of %d products written when killed, each whole%n",
                afterKill.size(), complete.size());
    }

    /** The last lines of a log, to say why a run ended. */
    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private ProcessBuilder start(Path data, int port, String run) throws IOException {
        return GatewayProcess.quickStart(new ProcessBuilder(
                        GatewayProcess.java(),
                        "-jar",
                        GatewayProcess.jar(),
                        "--demo",
                        "--demo.subgraphs-jar=" + DemoMesh.SUBGRAPHS_JAR.toAbsolutePath(),
                        "--demo.base-port=" + DemoMesh.fiveFreePortsBeside(port),
                        "--server.port=" + port,
                        "--catalog.data-dir=" + data,
                        "--audit.dir=" + dir.resolve("audit-" + run),
                        "--catalog.harvest-interval=0",
                        "--gateway.reload-interval=0")
                .directory(dir.toFile())
                .redirectErrorStream(true));
    }

    /**
     * Reads the gateway's log (kept in first.log) until a line contains {@code text}, three minutes at most, and kills
     * the gateway the moment it does. Returns the line, or null when the log ended without it.
     */
    private String killWhenLogged(Process gateway, String text) throws Exception {
        Path log = dir.resolve("first.log");
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Files.writeString(
                            log,
                            line + "\n",
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                    if (line.contains(text)) {
                        GatewayProcess.killTree(gateway);
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        return found.get(180, TimeUnit.SECONDS);
    }

    /**
     * Every product in the graph at {@code data}, read with the gateway stopped: its view and each of its datasets'
     * views, as the catalog serves them. Fails when any node is in the graph twice.
     */
    private static Map<String, String> productsIn(Path data) {
        Map<String, String> products = new TreeMap<>();
        try (GraphConnection graph = GraphConnection.open(new GraphSettings(null, "neo4j", "", data, 0, 64L << 20))) {
            try (Session session = graph.driver().session()) {
                List<Record> twice = session.run(
                                "MATCH (n) WHERE n.id IS NOT NULL WITH labels(n) AS labels, n.id AS id, "
                                        + "count(*) AS copies WHERE copies > 1 RETURN labels, id, copies")
                        .list();
                assertThat(twice).as("nodes in the graph more than once").isEmpty();
            }
            LineageStore store = new LineageStore(graph.driver());
            for (String id : ids(graph)) {
                StringBuilder view = new StringBuilder(
                        store.product(Viewer.EVERYTHING, id).orElseThrow().toString());
                for (String dataset :
                        store.product(Viewer.EVERYTHING, id).orElseThrow().datasets()) {
                    view.append('\n')
                            .append(store.dataset(Viewer.EVERYTHING, dataset).orElseThrow());
                }
                products.put(id, view.toString());
            }
        }
        return products;
    }

    private static List<String> ids(GraphConnection graph) {
        try (Session session = graph.driver().session()) {
            return session.run("MATCH (p:DataProduct) RETURN p.id AS id ORDER BY id")
                    .list(r -> r.get("id").asString());
        }
    }
}
