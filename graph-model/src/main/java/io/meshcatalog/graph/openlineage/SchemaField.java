package io.meshcatalog.graph.openlineage;

/** One field of the OpenLineage {@code schema} dataset facet. */
public record SchemaField(String name, String type, String description) {}
