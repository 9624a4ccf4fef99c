package io.meshcatalog.graph.lineage;

/** An upsert refused because it would contradict what another product already declared. */
public final class CatalogConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogConflictException(String message) {
        super(message);
    }
}
