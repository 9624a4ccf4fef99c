package io.meshcatalog.graph.model;

/** The life-cycle states of ODPS v1.0. */
public enum ProductStatus {
    PROPOSED,
    DRAFT,
    ACTIVE,
    DEPRECATED,
    RETIRED
}
