package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.health.Health;
import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.health.WriteFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads OpenLineage jobs and their runs, Marquez-style, as a viewer sees them (jobs are for authenticated ones). */
final class RunReader {

    /** The most runs one read lists. */
    static final int MAX_RUNS = 100;

    /** The most datasets and products one health read judges. */
    static final int MAX_HEALTH_IDS = 1_000;

    private final Driver driver;
    private final CypherLog cypher;

    RunReader(Driver driver, CypherLog cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    Optional<JobView> job(ViewerParameters viewer, String id) {
        List<Record> rows =
                cypher.read(driver, "job-by-id", viewer.with("id", id)).records();
        return rows.stream()
                .findFirst()
                .map(row -> new JobView(
                        row.get("id").asString(),
                        row.get("namespace").asString(""),
                        row.get("name").asString(""),
                        row.get("lastSeenAt").asString(null),
                        row.get("inputs").asList(Value::asString),
                        row.get("outputs").asList(Value::asString)));
    }

    /** The job's runs, newest first, updated after {@code after} when given; {@code first} between 1 and 100. */
    List<RunView> runs(ViewerParameters viewer, String jobId, @Nullable Instant after, int first) {
        if (first < 1 || first > MAX_RUNS) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_RUNS + ", got " + first);
        }
        Map<String, Object> parameters = new HashMap<>(viewer.with("id", jobId, "first", first));
        parameters.put("after", after == null ? null : after.toString());
        return cypher.read(driver, "job-runs", parameters).records().stream()
                .map(RunReader::run)
                .toList();
    }

    /** The last run that completed writing the dataset; empty when none did or the viewer may not see it. */
    Optional<RunView> lastWrite(ViewerParameters viewer, String datasetId) {
        return cypher.read(driver, "dataset-last-write", viewer.with("id", datasetId)).records().stream()
                .findFirst()
                .map(RunReader::run);
    }

    /**
     * The health at {@code now} of each dataset and product the viewer may see, keyed by {@link NodeRef}; what it
     * may not see is absent.
     */
    Map<NodeRef, Health> health(ViewerParameters viewer, Collection<NodeRef> nodes, Instant now) {
        if (nodes.size() > MAX_HEALTH_IDS) {
            throw new IllegalArgumentException(
                    "health is read for at most " + MAX_HEALTH_IDS + " nodes at once, not " + nodes.size());
        }
        List<String> datasets = nodes.stream()
                .filter(n -> n.kind() == NodeKind.DATASET)
                .map(NodeRef::id)
                .toList();
        List<String> products = nodes.stream()
                .filter(n -> n.kind() == NodeKind.PRODUCT)
                .map(NodeRef::id)
                .toList();
        Map<NodeRef, Health> out = new HashMap<>();
        for (Record row : cypher.read(driver, "health-facts", viewer.with("datasets", datasets, "products", products))
                .records()) {
            NodeRef node = new NodeRef(
                    NodeKind.valueOf(row.get("kind").asString()), row.get("id").asString());
            out.put(node, health(node.kind(), node.id(), row.get("facts").asList(RunReader::facts), now));
        }
        return out;
    }

    /**
     * A node's health from the write facts the graph packed for it: a product's from its datasets', anything else's
     * from the one dataset it is or belongs to (UNKNOWN without one, as a consumer).
     */
    static Health health(NodeKind kind, String id, List<WriteFacts> facts, Instant now) {
        if (kind == NodeKind.PRODUCT) {
            return Health.ofProduct(id, facts, now);
        }
        return facts.isEmpty()
                ? new Health(HealthStatus.UNKNOWN, id + " is written by no dataset's runs", null, null, null, now)
                : Health.of(facts.get(0), now);
    }

    static WriteFacts facts(Value facts) {
        Value freshness = facts.get("freshnessMs");
        return new WriteFacts(
                facts.get("dataset").asString(),
                freshness.isNull() ? null : Duration.ofMillis(freshness.asLong()),
                facts.get("sla").asString(""),
                instant(facts.get("lastCompleteAt")),
                facts.get("latestRun").asString(null),
                facts.get("latestState").asString(null),
                instant(facts.get("latestAt")));
    }

    private static @Nullable Instant instant(Value time) {
        return time.isNull() ? null : time.asZonedDateTime().toInstant();
    }

    /** The dataset's data quality results, newest first; {@code last} between 1 and 100. */
    List<QualityView> quality(ViewerParameters viewer, String datasetId, int last) {
        if (last < 1 || last > MAX_RUNS) {
            throw new IllegalArgumentException("last must be between 1 and " + MAX_RUNS + ", got " + last);
        }
        return cypher.read(driver, "dataset-quality", viewer.with("id", datasetId, "last", last)).records().stream()
                .map(row -> new QualityView(
                        row.get("run").asString(),
                        row.get("job").asString(""),
                        row.get("at").asString(""),
                        QualityParameters.read(row.asMap())))
                .toList();
    }

    private static RunView run(Record row) {
        return new RunView(
                row.get("id").asString(),
                row.get("job").asString(),
                row.get("namespace").asString(""),
                row.get("state").asString(),
                row.get("startedAt").asString(null),
                row.get("updatedAt").asString(),
                row.get("endedAt").asString(null),
                row.get("error").asString(null));
    }
}
