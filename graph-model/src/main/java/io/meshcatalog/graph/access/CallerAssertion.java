package io.meshcatalog.graph.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The caller of a fetch, as the gateway asserts it to a subgraph: a short-lived JWS (HMAC-SHA256 with a secret the
 * gateway and its subgraphs share) in the {@value #HEADER} header. The gateway removes any such header a client
 * sends, and signs a fresh one for each fetch; a subgraph that knows the secret trusts nothing else.
 */
public final class CallerAssertion {

    /** The request header that carries the assertion. */
    public static final String HEADER = "mesh-caller";

    static final String ISSUER = "mesh-catalog-gateway";
    private static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;

    /**
     * @param secret the shared secret, at least 32 bytes
     * @throws IllegalArgumentException when it is shorter
     */
    public CallerAssertion(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException(
                    "the caller assertion secret must be at least 32 bytes (256 bits), got " + secret.length);
        }
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable caller assertion secret: " + e.getMessage(), e);
        }
    }

    /** A signed assertion of {@code claims}, valid for two minutes from {@code now}. */
    public String sign(CallerClaims claims, Instant now) {
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(claims.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("authenticated", claims.authenticated())
                .claim("everything", claims.everything())
                .claim("teams", List.copyOf(claims.teams()))
                .claim("scopes", List.copyOf(claims.scopes()))
                .claim("grants", List.copyOf(claims.grantedProducts()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the caller assertion: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * An assertion found valid: its claims, and until when it stays valid (its expiry plus the allowed clock skew).
     *
     * @param validUntil the last instant {@link #verify} accepts it
     */
    public record Verified(CallerClaims claims, Instant validUntil) {

        /** Whether it is still valid at {@code now}: the same expiry rule {@link #verify} applies. */
        public boolean validAt(Instant now) {
            return !now.isAfter(validUntil);
        }
    }

    /**
     * The claims of an assertion this gateway signed.
     *
     * @throws InvalidAssertionException saying why, when it is malformed, not HS256, badly signed, from another
     *     issuer or expired
     */
    public CallerClaims verify(String token, Instant now) {
        return verified(token, now).claims();
    }

    /**
     * Like {@link #verify}, saying also until when the assertion stays valid, so that a subgraph can keep the outcome
     * for the assertion's lifetime instead of verifying the same token on every fetch.
     */
    public Verified verified(String token, Instant now) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidAssertionException("the " + HEADER + " header is not a JWS");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidAssertionException("the " + HEADER + " header must be signed with HS256, not "
                    + jwt.getHeader().getAlgorithm());
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidAssertionException(
                        "the " + HEADER + " header's signature does not match the shared secret");
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(set.getIssuer())) {
                throw new InvalidAssertionException("the " + HEADER + " header was issued by " + set.getIssuer());
            }
            Date expires = set.getExpirationTime();
            Verified verified = new Verified(
                    new CallerClaims(
                            set.getSubject() == null ? "" : set.getSubject(),
                            Boolean.TRUE.equals(set.getBooleanClaim("authenticated")),
                            Boolean.TRUE.equals(set.getBooleanClaim("everything")),
                            strings(set, "teams"),
                            strings(set, "scopes"),
                            strings(set, "grants")),
                    expires == null ? Instant.MIN : expires.toInstant().plus(SKEW));
            if (!verified.validAt(now)) {
                throw new InvalidAssertionException("the " + HEADER + " header has expired");
            }
            return verified;
        } catch (JOSEException | ParseException e) {
            throw new InvalidAssertionException("the " + HEADER + " header cannot be verified: " + e.getMessage());
        }
    }

    private static Set<String> strings(JWTClaimsSet set, String name) throws ParseException {
        List<String> values = set.getStringListClaim(name);
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    /** An assertion that must not be trusted, and why. */
    public static final class InvalidAssertionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidAssertionException(String message) {
            super(message);
        }
    }
}
