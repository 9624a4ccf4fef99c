package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What storing an OpenLineage event touched: the job and run (for run and job events), the ids of
 * its datasets in the graph, and which of those are catalog datasets it was matched to.
 */
public record RecordedEvent(@Nullable String job, @Nullable String run, List<String> datasets,
        List<String> matchedCatalogDatasets) {

    public RecordedEvent {
        datasets = List.copyOf(datasets);
        matchedCatalogDatasets = List.copyOf(matchedCatalogDatasets);
    }
}
