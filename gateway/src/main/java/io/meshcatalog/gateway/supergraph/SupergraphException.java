package io.meshcatalog.gateway.supergraph;

/** A supergraph the gateway refuses to serve; the message names the type and field at fault. */
public class SupergraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SupergraphException(String message) {
        super(message);
    }

    public SupergraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
