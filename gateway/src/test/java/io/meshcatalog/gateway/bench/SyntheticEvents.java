package io.meshcatalog.gateway.bench;

import io.meshcatalog.graph.bench.SyntheticMesh;
import java.util.UUID;

/** OpenLineage events about the synthetic mesh, as {@link CatalogBenchmark} sends them. */
final class SyntheticEvents {

    private SyntheticEvents() {}

    /**
     * An Airflow-style COMPLETE RunEvent: a job reads two mesh datasets (matched by physical name) and
     * writes an export with a schema facet and column lineage from both inputs.
     */
    static String runEvent(SyntheticMesh mesh, int i) {
        return event(mesh, i % 500, spread(i, mesh.datasets()), spread(i * 7 + 1, mesh.datasets()));
    }

    /**
     * The same event as a scheduled job sends it: each of 500 jobs reads the same two datasets every run, so after its
     * first run an event adds a run and its edges, and no dataset or field. {@link #runEvent}'s jobs read two datasets
     * never read before each time, so each of its events also adds fields that the indexes take in: the worst case.
     */
    static String scheduledRunEvent(SyntheticMesh mesh, int i) {
        int job = i % 500;
        return event(mesh, job, spread(job, mesh.datasets()), spread(job * 7 + 1, mesh.datasets()));
    }

    private static String event(SyntheticMesh mesh, int job, int a, int b) {
        String inputA = "lake." + mesh.datasetId(a);
        String inputB = "lake." + mesh.datasetId(b);
        return """
        {"eventType": "COMPLETE", "eventTime": "2026-11-25T02:00:00.000Z",
         "producer": "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s", "facets": {}},
         "job": {"namespace": "airflow-prod", "name": "exports.job_%d"},
         "inputs": [
           {"namespace": "postgres://warehouse:5432", "name": "%s",
            "facets": {"schema": {"fields": [{"name": "f0", "type": "varchar"}, {"name": "f1", "type": "bigint"}]}}},
           {"namespace": "postgres://warehouse:5432", "name": "%s",
            "facets": {"schema": {"fields": [{"name": "f0", "type": "varchar"}]}}}],
         "outputs": [
           {"namespace": "s3://lake", "name": "exports/job_%d",
            "facets": {
              "schema": {"fields": [
                {"name": "key", "type": "varchar", "description": "Joined key."},
                {"name": "amount", "type": "bigint"},
                {"name": "label", "type": "varchar"}]},
              "columnLineage": {"fields": {
                "key": {"inputFields": [
                  {"namespace": "postgres://warehouse:5432", "name": "%s", "field": "f0"},
                  {"namespace": "postgres://warehouse:5432", "name": "%s", "field": "f0"}]},
                "amount": {"inputFields": [{"namespace": "postgres://warehouse:5432", "name": "%s", "field": "f1",
                  "transformations": [{"type": "DIRECT", "subtype": "AGGREGATION"}]}]}}}}}]}
        """.formatted(UUID.randomUUID(), job, inputA, inputB, job, inputA, inputB, inputA);
    }

    /** The i-th of {@code n} items in a scattered but deterministic order. */
    static int spread(int i, int n) {
        return (int) Math.floorMod(i * 2_654_435_761L, (long) n);
    }
}
