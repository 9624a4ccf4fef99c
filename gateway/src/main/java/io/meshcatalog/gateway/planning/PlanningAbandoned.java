package io.meshcatalog.gateway.planning;

/**
 * A plan stopped by its {@link PlanningBudget}: past its time, or its client gone.
 *
 * <p>{@link #code()} is the error's {@code extensions.code}.
 */
public final class PlanningAbandoned extends PlanningException {

    /** The plan took longer than its budget. */
    public static final String TIMEOUT = "PLANNING_TIMEOUT";
    /** The client that waited for the plan closed its connection. */
    public static final String CLIENT_CLOSED = "CLIENT_CLOSED";

    private static final long serialVersionUID = 1L;

    private final String code;

    public PlanningAbandoned(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
