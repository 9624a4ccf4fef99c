package io.meshcatalog.gateway.planning;

/** An operation the supergraph cannot answer; the message names the type and field. */
public class PlanningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanningException(String message) {
        super(message);
    }
}
