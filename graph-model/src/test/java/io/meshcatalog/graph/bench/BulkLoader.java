package io.meshcatalog.graph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a {@link SyntheticMesh} into an empty graph over Bolt, with the labels, relationship types
 * and properties the store writes, in {@code UNWIND} batches of one transaction each. It creates
 * rather than merges: the graph is empty and the ids are unique, which the store's constraints check.
 */
public final class BulkLoader {

    /** What a load wrote and how long it took. */
    public record Loaded(long nodes, long relationships, long nanos) {

        public double itemsPerSecond() {
            return (nodes + relationships) / (nanos / 1e9);
        }
    }

    private final Driver driver;
    private final int batch;

    public BulkLoader(Driver driver, int batch) {
        this.driver = driver;
        this.batch = batch;
    }

    public Loaded load(SyntheticMesh mesh) {
        long started = System.nanoTime();
        long[] counts = new long[2];
        try (Session session = driver.session()) {
            Writer writer = (statement, size, row) -> write(session, statement, size, row, counts);
            writer.write(
                    "load-teams",
                    mesh.domains() + mesh.products(),
                    i -> i < mesh.domains()
                            ? team(mesh.domainTeam(i))
                            : mesh.hasOwnTeam(i - mesh.domains()) ? team(mesh.productTeam(i - mesh.domains())) : null);
            writer.write(
                    "load-domains", mesh.domains(), d -> Map.of("id", mesh.domainId(d), "team", mesh.domainTeam(d)));
            writer.write("load-products", mesh.products(), p -> {
                Map<String, Object> row = new HashMap<>();
                row.put("id", mesh.productId(p));
                row.put("name", mesh.productName(p));
                row.put("purpose", mesh.productPurpose(p));
                row.put("tags", List.of(mesh.productTag(p)));
                row.put(
                        "keywords",
                        mesh.productId(p) + " " + mesh.productId(p).replace('.', ' ') + " " + mesh.productTag(p));
                row.put("domain", mesh.domainId(mesh.domainOf(p)));
                row.put("team", mesh.hasOwnTeam(p) ? mesh.productTeam(p) : null);
                return row;
            });
            writer.write(
                    "load-datasets",
                    mesh.datasets(),
                    d -> Map.of(
                            "id",
                            mesh.datasetId(d),
                            "name",
                            "ds" + d,
                            "domain",
                            mesh.domainId(mesh.domainOf(mesh.productOf(d))),
                            "product",
                            mesh.productId(mesh.productOf(d)),
                            "description",
                            mesh.datasetDescription(d)));
            int f = mesh.spec().fieldsPerDataset();
            if (f > 0) {
                writer.write("load-fields", mesh.datasets(), d -> {
                    List<Map<String, Object>> fields = new ArrayList<>();
                    for (int k = 0; k < f; k++) {
                        fields.add(Map.of("id", mesh.fieldId(d * f + k), "name", "f" + k, "position", k));
                    }
                    return Map.of(
                            "dataset",
                            mesh.datasetId(d),
                            "domain",
                            mesh.domainId(mesh.domainOf(mesh.productOf(d))),
                            "fields",
                            fields);
                });
            }
            writer.write(
                    "load-consumers",
                    mesh.consumers(),
                    c -> Map.of("id", mesh.consumerId(c), "team", mesh.domainTeam(mesh.consumerOwnerDomain(c))));
            IntEdges datasets = mesh.datasetFeeds();
            writer.write(
                    "load-dataset-feeds",
                    datasets.size(),
                    e -> Map.of("from", mesh.datasetId(datasets.from(e)), "to", mesh.datasetId(datasets.to(e))));
            IntEdges consumers = mesh.consumerFeeds();
            writer.write(
                    "load-consumer-feeds",
                    consumers.size(),
                    e -> Map.of("from", mesh.datasetId(consumers.from(e)), "to", mesh.consumerId(consumers.to(e))));
            IntEdges fields = mesh.fieldFeeds();
            writer.write(
                    "load-field-feeds",
                    fields.size(),
                    e -> Map.of("from", mesh.fieldId(fields.from(e)), "to", mesh.fieldId(fields.to(e))));
        }
        return new Loaded(counts[0], counts[1], System.nanoTime() - started);
    }

    @FunctionalInterface
    private interface Writer {
        void write(String statement, int size, IntFunction<Map<String, Object>> row);
    }

    private static Map<String, Object> team(String name) {
        return Map.of("name", name, "member", "owner-of-" + name);
    }

    private void write(
            Session session, String statement, int size, IntFunction<Map<String, Object>> row, long[] counts) {
        long started = System.nanoTime();
        long before = counts[0] + counts[1];
        String cypher = statement(statement);
        // rows that nest fields are several nodes each
        int rows = statement.equals("load-fields") ? Math.max(1, batch / 5) : batch;
        List<Map<String, Object>> chunk = new ArrayList<>(rows);
        for (int i = 0; i < size; i++) {
            Map<String, Object> next = row.apply(i);
            if (next != null) {
                chunk.add(next);
            }
            if (chunk.size() == rows || i == size - 1) {
                List<Map<String, Object>> parameters = List.copyOf(chunk);
                SummaryCounters written = session.executeWrite(tx ->
                        tx.run(cypher, Map.of("rows", parameters)).consume().counters());
                counts[0] += written.nodesCreated();
                counts[1] += written.relationshipsCreated();
                chunk.clear();
            }
        }
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
        System.out.printf(
                java.util.Locale.ROOT,
                "  %-20s %,10d items in %4d s%n",
                statement,
                counts[0] + counts[1] - before,
                seconds);
    }

    private static String statement(String name) {
        try (InputStream in = BulkLoader.class.getResourceAsStream(name + ".cypher")) {
            if (in == null) {
                throw new IllegalStateException("missing Cypher statement " + name + ".cypher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
