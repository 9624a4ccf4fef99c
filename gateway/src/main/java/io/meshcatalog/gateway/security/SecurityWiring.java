package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.CallerHeaders;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the security parts are made from their settings, in plain Java: the Spring configuration (with the catalog)
 * and the plain start (without it) both use these, so the two cannot drift.
 */
public final class SecurityWiring {

    /** Environment variable for the subgraph secret, shared with the subgraphs. */
    public static final String SECRET_VARIABLE = "MESH_CALLER_SECRET";

    /** Audit records of refusals on their way at once, at most. */
    static final int MAX_PENDING_REFUSALS = 1_000;

    private SecurityWiring() {}

    /** The checked settings; throws naming the setting at fault. */
    public static SecuritySettings settings(SecurityProperties properties, Environment environment) {
        return SecuritySettings.of(properties, environment.getProperty(SECRET_VARIABLE));
    }

    /** The key index over the configured keys and {@code stored} ones (re-read on the configured interval). */
    public static ApiKeys apiKeys(
            SecuritySettings settings, Supplier<List<ApiKeyRecord>> stored, boolean refresh, Clock clock) {
        ApiKeys keys = new ApiKeys(settings.configuredKeys(), stored, clock);
        return refresh ? keys.refreshEvery(settings.keyRefresh()) : keys;
    }

    /** The edge check that authenticates each call and enforces its route's access level. */
    public static EdgeCheck authentication(
            SecuritySettings settings,
            ApiKeys keys,
            ExecutorService workers,
            AuditLog audit,
            JsonMapper json,
            Clock clock) {
        JwtSettings jwt = settings.jwt();
        BearerTokens tokens = jwt == null
                ? null
                : new BearerTokens(jwt.decoder(clock), jwt.claims(), workers, jwt.cacheSize(), clock);
        return new EdgeAuthentication(
                settings.anonymousPublic(), keys, tokens, new RefusalLog(audit, MAX_PENDING_REFUSALS, clock), json);
    }

    /** The signed caller assertion for each subgraph fetch, or nothing without a secret. */
    public static CallerHeaders callerHeaders(SecuritySettings settings, GrantLookup grants, Clock clock) {
        return settings.assertion() == null
                ? CallerHeaders.NONE
                : new AssertedCaller(settings.assertion(), grants, clock);
    }
}
