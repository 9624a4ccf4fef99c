package io.meshcatalog.graph.lineage;

/** The kinds of catalog node that lineage and impact answers are made of. */
public enum NodeKind {
    PRODUCT,
    DATASET,
    FIELD,
    CONSUMER
}
