package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import io.meshcatalog.graph.keys.ApiKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * What admins do with API keys: list them (hashes never leave), create one (its key is answered once and kept
 * nowhere), revoke one. Each create and revoke is in the audit log before the answer leaves, and the gateway's key
 * index is rebuilt at once; other gateways on the same graph see the change at their next re-read.
 */
public final class ApiKeyAdmin {

    private final ApiKeyRepository repository;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final Duration maxLifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyAdmin(ApiKeyRepository repository, ApiKeys keys, AuditLog audit, Duration maxLifetime, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.audit = audit;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** What an admin asks for; a null {@code expiresAt} is the longest lifetime allowed. */
    public record NewKeyRequest(
            String subject,
            Set<String> teams,
            Set<String> roles,
            Set<String> scopes,
            Set<String> namespaces,
            @Nullable Instant expiresAt) {}

    /** A created key: {@code key} is shown this once. */
    public record Created(String key, ApiKeyRecord record) {

        @Override
        public String toString() {
            return "Created[" + record.id() + "]";
        }
    }

    /** Every key the gateway knows, configured and stored. */
    public List<ApiKeyRecord> list(RequestContext asking) {
        requireAdmin(asking.caller(), "apiKeys");
        return keys.all();
    }

    /**
     * @throws IllegalArgumentException naming the input at fault (no subject, an unknown role, an expiry in the past
     *     or beyond {@code security.api-key-max-lifetime})
     */
    public Created create(RequestContext asking, NewKeyRequest request) {
        Caller admin = requireAdmin(asking.caller(), "createApiKey");
        if (request.subject().isBlank()) {
            throw new IllegalArgumentException("subject: required, the user or service the key authenticates");
        }
        Set<String> roles = ApiKeys.roleNames(request.roles());
        Instant now = clock.instant();
        Instant latest = now.plus(maxLifetime);
        Instant expires = request.expiresAt() == null ? latest : request.expiresAt();
        if (!expires.isAfter(now) || expires.isAfter(latest)) {
            throw new IllegalArgumentException("expiresAt: must be after now and at most " + maxLifetime.toDays()
                    + " days ahead (security.api-key-max-lifetime), by " + latest);
        }
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate(random);
        ApiKeyRecord record = new ApiKeyRecord(
                key.id(),
                key.prefix(),
                key.hash(),
                request.subject().strip(),
                request.teams(),
                roles,
                request.scopes(),
                request.namespaces(),
                now,
                admin.name(),
                expires,
                null);
        repository.create(record);
        try {
            recorded(
                    AuditKind.API_KEY_CREATED,
                    asking,
                    key.id(),
                    Map.of(
                            "subject",
                            record.subject(),
                            "roles",
                            String.join(",", record.roles()),
                            "expiresAt",
                            expires.toString()));
        } catch (RuntimeException e) {
            // a key that is not in the audit log must not work
            repository.revoke(key.id(), clock.instant());
            keys.reload();
            throw e;
        }
        keys.reload();
        return new Created(key.key(), record);
    }

    /**
     * @throws NoSuchElementException when no stored key has this id
     * @throws IllegalArgumentException for a configured key, which only configuration can remove
     */
    public ApiKeyRecord revoke(RequestContext asking, String id) {
        requireAdmin(asking.caller(), "revokeApiKey");
        if (keys.configured(id)) {
            throw new IllegalArgumentException(
                    "API key " + id + " comes from configuration (security.api-keys); remove it " + "there");
        }
        ApiKeyRecord revoked = repository
                .revoke(id, clock.instant())
                .orElseThrow(() -> new NoSuchElementException("no API key has id " + id));
        keys.reload();
        recorded(AuditKind.API_KEY_REVOKED, asking, id, Map.of("subject", revoked.subject()));
        return revoked;
    }

    private void recorded(AuditKind kind, RequestContext asking, String keyId, Map<String, Object> details) {
        AuditEvent event = new AuditEvent(
                clock.instant(),
                kind,
                asking.caller().name(),
                asking.source(),
                keyId,
                AuditEvent.SUCCESS,
                Map.copyOf(details));
        try {
            audit.append(event).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "the audit log cannot record " + kind + " of API key " + keyId + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        }
    }

    private static Caller requireAdmin(Caller caller, String operation) {
        if (!caller.admin()) {
            throw new ForbiddenException(operation + " is for admins: " + caller.name() + " lacks the ADMIN role");
        }
        return caller;
    }
}
