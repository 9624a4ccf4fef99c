package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Incidents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request whose route failed unexpectedly, the one place every route's failure goes through. Its
 * text never reaches the client (an exception names classes, queries and hosts a client has no business seeing, as
 * Apollo Router masks subgraph and internal errors): the client gets a generic message with an error id, and the
 * log has the id with the stack trace. A failure of the store that a retry may cure (Neo4j unavailable, a session
 * expired, a transient error such as a deadlock) is a 503 with {@code Retry-After}, not a 500.
 */
final class FailureAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(FailureAnswer.class);

    /** How long a client is asked to wait before it retries after a transient store failure, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private FailureAnswer() {}

    static HttpAnswer of(String method, String path, @Nullable Throwable failure, JsonMapper json) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RetryableException) {
            String id = UUID.randomUUID().toString();
            LOG.warn("{} {} failed for now (error {}): {}", method, path, id, cause.toString());
            return error(
                            503,
                            "the catalog's store is unavailable or busy, so " + method + " " + path
                                    + " could not be completed; retry in " + RETRY_AFTER_SECONDS + " s (error " + id
                                    + ")",
                            "SERVICE_UNAVAILABLE",
                            id,
                            json)
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        String id = Incidents.logged(
                LOG,
                method + " " + path + " failed",
                cause == null ? new IllegalStateException("no answer and no failure") : cause);
        return error(
                500,
                Incidents.told("the gateway failed to answer " + method + " " + path, id),
                "INTERNAL_SERVER_ERROR",
                id,
                json);
    }

    private static HttpAnswer error(int status, String message, String code, String id, JsonMapper json) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code, "errorId", id));
        return HttpAnswer.json(status, Map.of("errors", List.of(error)), json);
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
