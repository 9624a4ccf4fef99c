package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.CallerLimiters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-caller rate limits at the edge ({@link CallerLimiters}, a resilience4j rate limiter per caller): each
 * authenticated caller (by subject) and each anonymous client (by address) may send {@link Settings#requests} requests
 * per {@link Settings#period}; beyond that, 429 with {@code Retry-After} and a GraphQL error ({@code RATE_LIMITED})
 * naming the limit, until the period turns. One caller's flood never uses up another's share. Health and GraphiQL's
 * files are not counted. Runs after authentication, which names the caller.
 */
public final class RateLimits implements EdgeCheck {

    /** After authentication (100), before the catalog's grant warm-up (200). */
    public static final int ORDER = 150;

    /**
     * @param requests requests per period per caller (0 turns the limits off)
     * @param period the period
     */
    public record Settings(int requests, Duration period) {

        /** 100 requests a second per caller. */
        public static final Settings DEFAULTS = new Settings(100, Duration.ofSeconds(1));
    }

    private final Settings settings;
    private final CallerLimiters limiters;
    private final JsonMapper json;

    public RateLimits(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.limiters = new CallerLimiters(settings.requests(), settings.period());
    }

    @Override
    public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
        if (settings.requests() <= 0
                || route.path().startsWith("/health")
                || route.path().startsWith("/graphiql")) {
            return EdgeCheck.admitted(call);
        }
        String caller = call.caller().limitKey(call.source());
        if (limiters.acquire(caller, 1)) {
            return EdgeCheck.admitted(call);
        }
        long retryAfter = Math.max(1, (settings.period().toMillis() + 999) / 1000);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
                "message",
                (call.caller().authenticated() ? call.caller().name() : "this client (" + call.source() + ")")
                        + " sent more than " + settings.requests() + " requests in "
                        + settings.period().toMillis()
                        + " ms (gateway.rate-limit.requests per gateway.rate-limit.period); retry in " + retryAfter
                        + " s");
        error.put("extensions", Map.of("code", "RATE_LIMITED"));
        return EdgeCheck.refused(HttpAnswer.json(429, Map.of("errors", List.of(error)), json)
                .withHeader("Retry-After", Long.toString(retryAfter)));
    }

    /** How many callers have a limiter now. */
    long callers() {
        return limiters.callers();
    }
}
