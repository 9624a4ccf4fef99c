package io.meshcatalog.subgraphs.kit.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meshcatalog.graph.access.CallerAssertion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Turns the {@value CallerAssertion#HEADER} header of a request into its {@link SubgraphCaller}. With the secret the
 * gateway signs with ({@value #SECRET_PROPERTY}, or the environment variable {@value #SECRET_VARIABLE}), a valid
 * assertion gives its claims and a missing or invalid one an anonymous caller (an invalid one is logged, never its
 * token). Without a secret nobody can be told from anybody: every caller is anonymous and sees public products only.
 *
 * <p>The gateway reuses one assertion per caller for a while, so a verified token is kept (at most
 * {@value #REMEMBERED} of them) until it expires: each fetch after the first costs a lookup, not an HMAC and a JSON
 * parse. Only tokens that passed verification are kept, and a kept one is checked against the clock on every use.
 */
public final class CallerAssertions {

    /** The kit property that holds the shared secret. */
    public static final String SECRET_PROPERTY = "meshcatalog.subgraph.caller-secret";

    /** The environment variable that holds it when the property is not set. */
    public static final String SECRET_VARIABLE = "MESH_CALLER_SECRET";

    private static final Logger log = LoggerFactory.getLogger(CallerAssertions.class);

    /** How many verified assertions are kept. */
    static final int REMEMBERED = 10_000;

    private final @Nullable CallerAssertion verifier;
    private final Clock clock;
    private final Cache<String, CallerAssertion.Verified> verified =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public CallerAssertions(@Nullable CallerAssertion verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * The verifier for {@code domain}'s subgraph, from its environment, saying once how callers will be told apart.
     *
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes
     */
    public static CallerAssertions from(Environment environment, String domain, Clock clock) {
        String secret = environment.getProperty(SECRET_PROPERTY, environment.getProperty(SECRET_VARIABLE, ""));
        if (secret.isBlank()) {
            log.warn(
                    "Subgraph {}: no caller secret ({} or {}), so no caller can be trusted: it serves public products "
                            + "only, and its catalogContract (the whole descriptor, for the gateway's harvest) to anyone who "
                            + "reaches its port",
                    domain,
                    SECRET_VARIABLE,
                    SECRET_PROPERTY);
            return new CallerAssertions(null, clock);
        }
        try {
            CallerAssertion verifier = new CallerAssertion(secret.getBytes(StandardCharsets.UTF_8));
            log.info(
                    "Subgraph {}: callers are those the gateway asserts in the {} header",
                    domain,
                    CallerAssertion.HEADER);
            return new CallerAssertions(verifier, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "subgraph " + domain + ": " + e.getMessage() + "; set " + SECRET_VARIABLE + " or " + SECRET_PROPERTY
                            + " to the secret the gateway signs with",
                    e);
        }
    }

    /** Whether callers can be told apart at all. */
    public boolean configured() {
        return verifier != null;
    }

    /** The caller that {@code header}, the request's {@value CallerAssertion#HEADER} header (or null), stands for. */
    public SubgraphCaller resolve(@Nullable String header) {
        if (verifier == null || header == null || header.isBlank()) {
            return SubgraphCaller.ANONYMOUS;
        }
        String token = header.strip();
        Instant now = clock.instant();
        CallerAssertion.Verified known = verified.getIfPresent(token);
        if (known != null && known.validAt(now)) {
            return new SubgraphCaller(known.claims(), true);
        }
        try {
            CallerAssertion.Verified checked = verifier.verified(token, now);
            verified.put(token, checked);
            return new SubgraphCaller(checked.claims(), true);
        } catch (CallerAssertion.InvalidAssertionException e) {
            log.warn("A request with an invalid caller assertion is answered as anonymous: {}", e.getMessage());
            return SubgraphCaller.ANONYMOUS;
        }
    }
}
