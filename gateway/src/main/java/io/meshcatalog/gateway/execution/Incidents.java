package io.meshcatalog.gateway.execution;

import java.util.UUID;
import org.slf4j.Logger;

/**
 * An unexpected failure, logged with its stack trace under a fresh id; the client is told only the id, never the
 * failure's text (it names classes, queries and hosts a client has no business seeing).
 */
public final class Incidents {

    private Incidents() {}

    /** Logs {@code failure} as an error about {@code what} and returns the id the client is told. */
    public static String logged(Logger log, String what, Throwable failure) {
        String id = UUID.randomUUID().toString();
        log.error("{} (error {})", what, id, failure);
        return id;
    }

    /** What a client is told about an incident. */
    public static String told(String what, String id) {
        return what + " (error " + id + "); the gateway's log has the details";
    }
}
