package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset as stored. A {@code placeholder} is a dataset that some product names as input but
 * whose own product has not been loaded (yet).
 */
public record DatasetView(
        String id,
        String name,
        String domain,
        @Nullable String product,
        String physicalName,
        String description,
        List<String> tags,
        List<FieldView> fields,
        boolean placeholder) {

    public DatasetView {
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
    }
}
