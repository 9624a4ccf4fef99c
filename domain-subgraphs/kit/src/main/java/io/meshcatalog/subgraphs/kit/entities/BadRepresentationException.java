package io.meshcatalog.subgraphs.kit.entities;

/** An entity representation that cannot identify an entity: a key field missing or of the wrong type. */
public class BadRepresentationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRepresentationException(String message) {
        super(message);
    }
}
