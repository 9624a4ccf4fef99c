package io.meshcatalog.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.meshcatalog.gateway.execution.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * JWT bearer tokens, validated by Spring Security's {@link JwtDecoder} (signature against the configured keys and
 * algorithms, issuer, audience, expiry and not-before with the configured skew). A token seen before costs one
 * hash lookup: validated tokens are kept in a bounded cache, each never past its own expiry. A token not seen
 * before is decoded on {@code decodeOn} (the HTTP workers), never on an event loop, since it may need the issuer's
 * JWKS downloaded first.
 */
final class BearerTokens {

    /** Longer than any token an identity provider issues: refused before it is parsed. */
    static final int MAX_LENGTH = 16 * 1024;

    private final JwtDecoder decoder;
    private final ClaimMapping mapping;
    private final Executor decodeOn;
    private final Clock clock;
    private final Cache<String, Valid> valid;

    /** A validated token's caller, until {@code expires}. */
    private record Valid(Caller caller, Instant expires) {}

    BearerTokens(JwtDecoder decoder, ClaimMapping mapping, Executor decodeOn, int cacheSize, Clock clock) {
        this.decoder = decoder;
        this.mapping = mapping;
        this.decodeOn = decodeOn;
        this.clock = clock;
        this.valid = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.creating((String token, Valid v) -> Duration.between(clock.instant(), v.expires())))
                .build();
    }

    /** Whom {@code token} authenticates, or why nobody; completes on the caller's thread when it is cached. */
    CompletableFuture<Verdict> check(String token) {
        Valid known = valid.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expires())) {
            return CompletableFuture.completedFuture(new Verdict.Accepted(known.caller()));
        }
        if (token.length() > MAX_LENGTH) {
            return CompletableFuture.completedFuture(
                    new Verdict.Rejected("the bearer token is longer than " + MAX_LENGTH + " characters", null));
        }
        try {
            return CompletableFuture.supplyAsync(() -> decode(token), decodeOn);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Verdict decode(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return new Verdict.Rejected("the bearer token is not valid: " + e.getMessage(), null);
        }
        Caller caller;
        try {
            caller = mapping.caller(jwt.getClaims(), jwt.getId());
        } catch (IllegalArgumentException e) {
            return new Verdict.Rejected(e.getMessage(), jwt.getId());
        }
        Instant expires = jwt.getExpiresAt();
        if (expires != null && clock.instant().isBefore(expires)) {
            valid.put(token, new Valid(caller, expires));
        }
        return new Verdict.Accepted(caller);
    }
}
