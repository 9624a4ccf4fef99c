package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.graph.lineage.JobView;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.QualityView;
import io.meshcatalog.graph.lineage.RunView;
import io.meshcatalog.graph.openlineage.DatasetQuality;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenLineage jobs and runs, Marquez-style: {@code job(namespace, name)}, {@code runs(job, after, first)},
 * {@code Dataset.lastWrite}, and the data quality runs found ({@code Dataset.quality}). The store keeps jobs and
 * quality from anonymous callers; a run's error message (which may quote data) goes only to admins and to callers
 * who write the job's namespace.
 */
final class RunFetchers {

    private final LineageStore store;

    RunFetchers(LineageStore store) {
        this.store = store;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("job", this::job).dataFetcher("runs", this::runs))
                .type(
                        "Dataset",
                        type -> type.dataFetcher("lastWrite", this::lastWrite).dataFetcher("quality", this::quality));
    }

    private @Nullable Map<String, Object> job(DataFetchingEnvironment env) {
        String id = env.<String>getArgument("namespace") + "/" + env.<String>getArgument("name");
        return store.job(CatalogAccess.viewer(env), id).map(RunFetchers::job).orElse(null);
    }

    private List<Map<String, @Nullable Object>> runs(DataFetchingEnvironment env) {
        String after = env.getArgument("after");
        Integer first = env.getArgument("first");
        Caller caller = CatalogAccess.context(env).caller();
        return store
                .runs(
                        CatalogAccess.viewer(env),
                        env.getArgument("job"),
                        after == null ? null : instant("after", after),
                        first == null ? 20 : first)
                .stream()
                .map(run -> run(run, caller))
                .toList();
    }

    private @Nullable Map<String, @Nullable Object> lastWrite(DataFetchingEnvironment env) {
        Map<String, Object> dataset = env.getSource();
        Caller caller = CatalogAccess.context(env).caller();
        return store.lastWrite(CatalogAccess.viewer(env), String.valueOf(dataset.get("id")))
                .map(run -> run(run, caller))
                .orElse(null);
    }

    private List<Map<String, @Nullable Object>> quality(DataFetchingEnvironment env) {
        Map<String, Object> dataset = env.getSource();
        Integer last = env.getArgument("last");
        String column = env.getArgument("column");
        return store
                .quality(CatalogAccess.viewer(env), String.valueOf(dataset.get("id")), last == null ? 10 : last)
                .stream()
                .map(result -> quality(result, column))
                .toList();
    }

    private static Map<String, @Nullable Object> quality(QualityView result, @Nullable String column) {
        DatasetQuality q = result.quality();
        List<DatasetQuality.Assertion> tests = q.assertions().stream()
                .filter(a -> column == null || column.equals(a.column()))
                .toList();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("run", result.run());
        out.put("job", result.job());
        out.put("at", result.at());
        out.put("rowCount", q.rowCount());
        out.put("bytes", q.bytes());
        out.put("passed", (int)
                tests.stream().filter(DatasetQuality.Assertion::success).count());
        out.put("failed", (int) tests.stream().filter(a -> !a.success()).count());
        out.put("assertions", tests);
        out.put(
                "columns",
                q.columns().stream()
                        .filter(c -> column == null || column.equals(c.column()))
                        .toList());
        return out;
    }

    /** An ISO-8601 instant argument, or an error naming the argument and the value. */
    static Instant instant(String argument, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    argument + " must be an ISO-8601 instant such as 2026-11-20T06:00:00Z, not '" + value + "'");
        }
    }

    private static Map<String, Object> job(JobView job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", job.id());
        out.put("namespace", job.namespace());
        out.put("name", job.name());
        out.put("lastSeenAt", job.lastSeenAt());
        out.put("inputs", job.inputs());
        out.put("outputs", job.outputs());
        return out;
    }

    private static Map<String, @Nullable Object> run(RunView run, Caller caller) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("job", run.job());
        out.put("state", run.state());
        out.put("startedAt", run.startedAt());
        out.put("updatedAt", run.updatedAt());
        out.put("endedAt", run.endedAt());
        Long duration = run.durationMs();
        out.put("durationMs", duration == null ? null : duration.doubleValue());
        out.put("errorMessage", caller.writesNamespace(run.namespace()) ? run.error() : null);
        return out;
    }
}
