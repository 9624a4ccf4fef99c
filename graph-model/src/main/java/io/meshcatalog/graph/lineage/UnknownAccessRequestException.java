package io.meshcatalog.graph.lineage;

/** No access request has this id. */
public final class UnknownAccessRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownAccessRequestException(String id) {
        super("the catalog has no access request " + id);
    }
}
