package io.meshcatalog.graph.lineage;

import java.time.Instant;
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

    private final Driver driver;
    private final CypherLog cypher;

    RunReader(Driver driver, CypherLog cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    Optional<JobView> job(ViewerParameters viewer, String id) {
        List<Record> rows = cypher.read(driver, "job-by-id", viewer.with("id", id)).records();
        return rows.stream().findFirst().map(row -> new JobView(row.get("id").asString(),
                row.get("namespace").asString(""), row.get("name").asString(""), row.get("lastSeenAt").asString(null),
                row.get("inputs").asList(Value::asString), row.get("outputs").asList(Value::asString)));
    }

    /** The job's runs, newest first, updated after {@code after} when given; {@code first} between 1 and 100. */
    List<RunView> runs(ViewerParameters viewer, String jobId, @Nullable Instant after, int first) {
        if (first < 1 || first > MAX_RUNS) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_RUNS + ", got " + first);
        }
        Map<String, Object> parameters = new HashMap<>(viewer.with("id", jobId, "first", first));
        parameters.put("after", after == null ? null : after.toString());
        return cypher.read(driver, "job-runs", parameters).records().stream().map(RunReader::run).toList();
    }

    /** The last run that completed writing the dataset; empty when none did or the viewer may not see it. */
    Optional<RunView> lastWrite(ViewerParameters viewer, String datasetId) {
        return cypher.read(driver, "dataset-last-write", viewer.with("id", datasetId)).records().stream()
                .findFirst().map(RunReader::run);
    }

    private static RunView run(Record row) {
        return new RunView(row.get("id").asString(), row.get("job").asString(), row.get("namespace").asString(""),
                row.get("state").asString(), row.get("startedAt").asString(null), row.get("updatedAt").asString(),
                row.get("endedAt").asString(null), row.get("error").asString(null));
    }
}
