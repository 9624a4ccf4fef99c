package io.meshcatalog.graph.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something that reads a product's datasets: a dashboard, an ML model, a report, or a destination
 * outside the mesh such as an ad platform fed by reverse ETL ({@code external}). {@code datasets}
 * names the datasets it reads; empty means all of the product's datasets. {@code purpose} says what the data is
 * used for; the governance check compares it with the purpose of the access granted for personal data.
 */
public record Consumer(
        String id,
        String name,
        ConsumerKind kind,
        String description,
        boolean external,
        String destination,
        @Nullable String ownerTeam,
        List<DatasetId> datasets,
        @Nullable Purpose purpose) {

    public Consumer {
        datasets = List.copyOf(datasets);
    }
}
