package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OpenLineage job, as its events reported it.
 *
 * @param id {@code namespace/name}
 * @param lastSeenAt its latest event's time
 * @param inputs the datasets its runs read, as far as the viewer may see them
 * @param outputs the datasets its runs wrote, as far as the viewer may see them
 */
public record JobView(
        String id,
        String namespace,
        String name,
        @Nullable String lastSeenAt,
        List<String> inputs,
        List<String> outputs) {

    public JobView {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
