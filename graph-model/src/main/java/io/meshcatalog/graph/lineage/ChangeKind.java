package io.meshcatalog.graph.lineage;

/** A proposed change to a field. */
public enum ChangeKind {
    DROP,
    RENAME,
    RETYPE
}
