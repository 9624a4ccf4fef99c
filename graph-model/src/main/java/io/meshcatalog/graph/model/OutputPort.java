package io.meshcatalog.graph.model;

/** ODPS {@code outputPorts[]}: how consumers reach the product (table, API, topic, file …). */
public record OutputPort(String name, String description, String type, String version) {
}
