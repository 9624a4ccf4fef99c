package io.meshcatalog.graph.model;

import org.jspecify.annotations.Nullable;

/**
 * ODPS {@code outputPorts[]}: how consumers reach the product (table, API, topic, file …), and the dataset whose
 * contract the port serves ({@code contractId}, one of the product's own datasets), when it names one.
 */
public record OutputPort(
        String name,
        String description,
        String type,
        String version,
        @Nullable DatasetId contractId) {}
