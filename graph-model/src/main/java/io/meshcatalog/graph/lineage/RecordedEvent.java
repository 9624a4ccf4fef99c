package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What storing an OpenLineage event touched: the job and run (for run and job events), the ids of
 * its datasets in the graph, and which of those are catalog datasets it was matched to; {@code duplicate} when the
 * same event (by its idempotency key) was stored before and nothing was written this time.
 */
public record RecordedEvent(
        @Nullable String job,
        @Nullable String run,
        List<String> datasets,
        List<String> matchedCatalogDatasets,
        boolean duplicate) {

    public RecordedEvent {
        datasets = List.copyOf(datasets);
        matchedCatalogDatasets = List.copyOf(matchedCatalogDatasets);
    }
}
