package io.meshcatalog.graph.openlineage;

/**
 * What one OpenLineage event may carry, so that no single request can flood the graph or the heap: each bound is
 * checked while the event is read, before anything is stored, and a refusal names the bound's setting.
 *
 * @param datasets datasets in {@code inputs}, and in {@code outputs} ({@code max-datasets})
 * @param datasetEdges inputs times outputs: the dataset-level lineage edges one event may declare
 *     ({@code max-dataset-edges})
 * @param fields schema fields, all datasets of the event together ({@code max-fields})
 * @param inputFields column lineage sources ({@code columnLineage.fields.*.inputFields}), all output columns
 *     together ({@code max-input-fields})
 * @param events events in one request that sends several ({@code max-batch-events})
 * @param settings the prefix of the settings the refusals name
 */
public record IntakeLimits(int datasets, int datasetEdges, int fields, int inputFields, int events, String settings) {

    /**
     * 1,000 datasets each way, 10,000 dataset edges, 10,000 schema fields and 10,000 column sources per event; 1,000
     * events per request.
     */
    public static final IntakeLimits DEFAULTS =
            new IntakeLimits(1_000, 10_000, 10_000, 10_000, 1_000, "catalog.openlineage");

    public IntakeLimits {
        if (datasets < 1 || datasetEdges < 1 || fields < 1 || inputFields < 1 || events < 1) {
            throw new IllegalArgumentException("every OpenLineage intake limit must be at least 1");
        }
    }

    /** How a refusal names the bound it met: {@code at most 1000 (catalog.openlineage.max-datasets)}. */
    public String atMost(int limit, String name) {
        return "at most " + limit + " (" + settings + ".max-" + name + ")";
    }
}
