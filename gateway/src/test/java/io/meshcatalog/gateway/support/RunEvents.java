package io.meshcatalog.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** OpenLineage run events as a scheduler would send them to {@code POST /api/v1/lineage}. */
public final class RunEvents {

    private RunEvents() {}

    /**
     * A COMPLETE event of the run named {@code run} (its id derived from the name, so the same name is the same run) of
     * {@code namespace/job}, reading {@code input} and writing {@code output}, a dataset with one field, {@code id}; all
     * in {@code namespace}.
     */
    public static String complete(String run, String namespace, String job, String input, String output) {
        return """
        {"eventType": "COMPLETE", "eventTime": "2026-12-05T00:00:00Z", "producer": "https://example.com/%1$s",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%2$s"}, "job": {"namespace": "%1$s", "name": "%3$s"},
         "inputs": [{"namespace": "%1$s", "name": "%4$s"}],
         "outputs": [{"namespace": "%1$s", "name": "%5$s", "facets": {"schema": {"fields": [{"name": "id"}]}}}]}
        """.formatted(
                        namespace, UUID.nameUUIDFromBytes(run.getBytes(StandardCharsets.UTF_8)), job, input, output);
    }
}
