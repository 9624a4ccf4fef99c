package io.meshcatalog.gateway.catalog;

/**
 * An act that contradicts the state of what it acts on (deciding a request decided the other way, approving one
 * whose date has passed); the message says what it found. Answered as CONFLICT.
 */
final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
