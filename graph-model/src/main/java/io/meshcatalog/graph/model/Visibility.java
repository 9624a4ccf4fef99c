package io.meshcatalog.graph.model;

/**
 * Who may see a data product: {@link #PUBLIC} anyone, {@link #INTERNAL} any authenticated caller, {@link #PRIVATE}
 * its owning team, callers granted access and admins. A product that says nothing is {@link #DEFAULT}: a catalog
 * should not publish to the world what nobody decided to publish.
 */
public enum Visibility {
    PUBLIC,
    INTERNAL,
    PRIVATE;

    /** What a product that names no visibility gets. */
    public static final Visibility DEFAULT = INTERNAL;
}
