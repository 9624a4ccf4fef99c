package io.meshcatalog.graph.vocabulary;

/** The GraphQL {@code InputPort}: the upstream dataset by id, as the gateway links lineage by id. */
public record CatalogInputPort(String name, String datasetId, String version) {}
