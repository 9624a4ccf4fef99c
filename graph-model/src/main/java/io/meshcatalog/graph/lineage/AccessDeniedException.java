package io.meshcatalog.graph.lineage;

/** The viewer may not do this to an access request or grant; the message says who may. */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
