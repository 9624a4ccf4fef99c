package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.execution.Caller;
import org.jspecify.annotations.Nullable;

/** What checking a credential decided: the caller it authenticates, or why it authenticates nobody. */
sealed interface Verdict {

    record Accepted(Caller caller) implements Verdict {}

    /**
     * @param why for the client and the audit log; never contains the credential
     * @param credentialId the key's id or the token's {@code jti} where known, for the audit record's actor
     */
    record Rejected(String why, @Nullable String credentialId) implements Verdict {}
}
