package io.meshcatalog.gateway.execution;

/**
 * A subgraph that could not be reached or answered something that is not a GraphQL response. {@link #isTransient()}
 * says whether the same request may succeed when sent again at once: the connection failed or closed before an
 * answer, or the subgraph (or a proxy before it) said 502, 503 or 504. A timeout is not transient here: the request
 * already had all its time.
 */
public class SubgraphFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public SubgraphFetchException(String message) {
        this(message, false);
    }

    public SubgraphFetchException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public SubgraphFetchException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public SubgraphFetchException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The subgraph did not answer within its timeout. */
    public static final class TimedOut extends SubgraphFetchException {

        private static final long serialVersionUID = 1L;

        public TimedOut(String message) {
            super(message);
        }
    }

    /** The subgraph was not asked: its circuit breaker is open. */
    public static final class NotAsked extends SubgraphFetchException {

        private static final long serialVersionUID = 1L;

        public NotAsked(String message) {
            super(message);
        }
    }
}
