package io.meshcatalog.graph.model;

/**
 * How sensitive a field is (ODCS {@code classification}). {@link #PII} fields will be masked for
 * callers without the right to see them, so the set is closed: a typo must not make a field public.
 */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED,
    PII
}
