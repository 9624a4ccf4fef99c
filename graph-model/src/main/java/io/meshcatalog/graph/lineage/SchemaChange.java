package io.meshcatalog.graph.lineage;

/**
 * One difference between two revisions of a product, for example {@code FIELD_RETYPED
 * orders.orders.shipped_on date → timestamp}.
 */
public record SchemaChange(Kind kind, String subject, String before, String after) {

    public enum Kind {
        CREATED, STATUS_CHANGED, VISIBILITY_CHANGED, VERSION_CHANGED, INPUT_ADDED, INPUT_REMOVED, DATASET_ADDED, DATASET_REMOVED,
        FIELD_ADDED, FIELD_REMOVED, FIELD_RETYPED, FIELD_RECLASSIFIED, DESCRIPTION_CHANGED
    }

    /** Whether it can break what reads the product: a dataset or field gone, or a field's type changed. */
    public boolean breaking() {
        return kind == Kind.DATASET_REMOVED || kind == Kind.FIELD_REMOVED || kind == Kind.FIELD_RETYPED;
    }

    @Override
    public String toString() {
        return kind + " " + subject + (before.isEmpty() && after.isEmpty() ? "" : " " + before + " -> " + after);
    }
}
