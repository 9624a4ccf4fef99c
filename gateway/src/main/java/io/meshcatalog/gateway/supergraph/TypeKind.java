package io.meshcatalog.gateway.supergraph;

/** The kinds of named types the planner distinguishes. */
public enum TypeKind {
    OBJECT,
    INTERFACE,
    UNION,
    ENUM,
    INPUT_OBJECT,
    SCALAR;

    /** Whether values of this kind have selections (and may need {@code __typename}). */
    public boolean isComposite() {
        return this == OBJECT || this == INTERFACE || this == UNION;
    }

    /** Whether the concrete type is only known at run time from {@code __typename}. */
    public boolean isAbstract() {
        return this == INTERFACE || this == UNION;
    }
}
