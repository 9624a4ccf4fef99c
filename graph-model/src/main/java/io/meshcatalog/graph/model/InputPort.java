package io.meshcatalog.graph.model;

/**
 * ODPS {@code inputPorts[]}: a dataset this product is derived from. {@code contractId} names the
 * upstream dataset, in this domain or another.
 */
public record InputPort(String name, DatasetId contractId, String version) {}
