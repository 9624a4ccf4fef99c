package io.meshcatalog.gateway.security;

/** A caller asked for something its roles do not allow; the message names what it lacks. Answered as FORBIDDEN. */
public final class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
