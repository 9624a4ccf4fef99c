package io.meshcatalog.graph.lineage;

/** How many hits of a search have one value of a facet, for example domain {@code shipping}: 4. */
public record FacetCount(String value, int count) {}
