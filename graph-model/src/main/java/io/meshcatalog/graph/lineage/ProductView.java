package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * A data product as stored, with its datasets, the inputs the viewer may see and its effective owners;
 * {@code visibility} is PUBLIC, INTERNAL or PRIVATE.
 */
public record ProductView(
        String id,
        String name,
        String domain,
        String status,
        String visibility,
        String version,
        String purpose,
        String limitations,
        String usage,
        List<String> tags,
        List<String> datasets,
        List<String> inputs,
        List<String> consumers,
        List<Owner> owners,
        String contentHash) {

    public ProductView {
        tags = List.copyOf(tags);
        datasets = List.copyOf(datasets);
        inputs = List.copyOf(inputs);
        consumers = List.copyOf(consumers);
        owners = List.copyOf(owners);
    }
}
