package io.meshcatalog.gateway.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * JWT validation as configured, checked at start: where the issuer's keys are, the issuer, the audiences, an
 * allow-list of asymmetric algorithms, the clock skew and the claim mapping. The decoder is Spring Security's
 * {@link NimbusJwtDecoder}: it refuses unsigned tokens ({@code alg: none}) and any algorithm off the list, so a
 * token signed with HMAC using the public key as the secret (the classic algorithm-confusion attack) is refused
 * before any key is tried; the validators are {@link JwtValidators}' defaults with the issuer, audience and
 * timestamp rules added.
 */
record JwtSettings(
        @Nullable URL jwkSetUri,
        @Nullable JWK publicKey,
        String issuer,
        Set<String> audiences,
        Set<SignatureAlgorithm> algorithms,
        Duration clockSkew,
        Duration jwkSetRefreshLimit,
        int cacheSize,
        ClaimMapping claims) {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "ES256");

    /** Validated settings, or null when JWT is off; throws naming the setting at fault. */
    static @Nullable JwtSettings of(SecurityProperties.@Nullable Jwt jwt) {
        if (jwt == null || (blank(jwt.jwkSetUri()) && blank(jwt.publicKeyLocation()))) {
            return null;
        }
        if (!blank(jwt.jwkSetUri()) && !blank(jwt.publicKeyLocation())) {
            throw SecuritySettings.invalid(
                    "security.jwt.jwk-set-uri", "set either it or security.jwt.public-key-location, " + "not both");
        }
        if (blank(jwt.issuer())) {
            throw SecuritySettings.invalid(
                    "security.jwt.issuer", "required with JWT on: the iss every token must carry");
        }
        if (jwt.audiences() == null || jwt.audiences().stream().allMatch(JwtSettings::blank)) {
            throw SecuritySettings.invalid(
                    "security.jwt.audiences", "required with JWT on: the aud values this gateway " + "accepts");
        }
        Duration skew = jwt.clockSkew() == null ? Duration.ofSeconds(60) : jwt.clockSkew();
        if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
            throw SecuritySettings.invalid("security.jwt.clock-skew", skew + " is over the 5 minutes allowed");
        }
        int cacheSize = jwt.cacheSize() == null ? 10_000 : jwt.cacheSize();
        if (cacheSize < 0) {
            throw SecuritySettings.invalid("security.jwt.cache-size", "must not be negative");
        }
        return new JwtSettings(
                blank(jwt.jwkSetUri()) ? null : url(jwt.jwkSetUri()),
                blank(jwt.publicKeyLocation()) ? null : publicKey(jwt.publicKeyLocation()),
                jwt.issuer().strip(),
                Set.copyOf(jwt.audiences().stream()
                        .filter(a -> !blank(a))
                        .map(String::strip)
                        .toList()),
                algorithms(jwt.algorithms() == null ? DEFAULT_ALGORITHMS : jwt.algorithms()),
                skew,
                jwt.jwkSetRefreshLimit() == null ? Duration.ofSeconds(30) : jwt.jwkSetRefreshLimit(),
                cacheSize,
                claims(jwt.claims()));
    }

    /** The decoder and its validators; {@code clock} decides expiry. */
    JwtDecoder decoder(Clock clock) {
        JWKSource<SecurityContext> keys = jwkSetUri != null
                ? JWKSourceBuilder.<SecurityContext>create(jwkSetUri)
                        .rateLimited(jwkSetRefreshLimit.toMillis())
                        .build()
                : singleKey(java.util.Objects.requireNonNull(publicKey));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(allowed -> {
                    allowed.clear();
                    allowed.addAll(algorithms);
                })
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> rules = List.of(
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(rules));
        return decoder;
    }

    /**
     * The configured PEM key for every token, whatever key id ({@code kid}) it names, as Spring Security's
     * {@code NimbusJwtDecoder.withPublicKey} does: a PEM carries no key id, and a JWK set's matching by id would refuse
     * every token of an issuer that names its keys.
     */
    private static JWKSource<SecurityContext> singleKey(JWK key) {
        return (selector, context) -> List.of(key);
    }

    private static Set<SignatureAlgorithm> algorithms(List<String> names) {
        List<SignatureAlgorithm> out = new ArrayList<>();
        for (String name : names) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.strip());
            if (algorithm == null) {
                throw SecuritySettings.invalid(
                        "security.jwt.algorithms",
                        name + " is not accepted: only asymmetric "
                                + "signature algorithms are (RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512); none and "
                                + "HMAC (HS256 …) never are");
            }
            out.add(algorithm);
        }
        if (out.isEmpty()) {
            throw SecuritySettings.invalid("security.jwt.algorithms", "names no algorithm");
        }
        return Set.copyOf(out);
    }

    private static ClaimMapping claims(SecurityProperties.@Nullable Claims claims) {
        ClaimMapping d = ClaimMapping.DEFAULTS;
        if (claims == null) {
            return d;
        }
        return new ClaimMapping(
                or(claims.subject(), d.subject()),
                or(claims.teams(), d.teams()),
                or(claims.scopes(), d.scopes()),
                or(claims.roles(), d.roles()),
                or(claims.namespaces(), d.namespaces()));
    }

    private static URL url(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw SecuritySettings.invalid("security.jwt.jwk-set-uri", "must be an http(s) URL");
            }
            return uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw SecuritySettings.invalid("security.jwt.jwk-set-uri", "is not a URL: " + e.getMessage());
        }
    }

    /**
     * An RSA or EC public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}): {@code classpath:…}, a
     * {@code file:} URL, or a path (Spring's {@code FileSystemResourceLoader} would read {@code /etc/idp.pem} relative
     * to the working directory, hence a {@link FileSystemResource} for paths).
     */
    private static JWK publicKey(String location) {
        String where = location.strip();
        Resource resource = where.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX) || where.startsWith("file:")
                ? new DefaultResourceLoader().getResource(where)
                : new FileSystemResource(where);
        String pem;
        try (InputStream in = resource.getInputStream()) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw SecuritySettings.invalid(
                    "security.jwt.public-key-location", "cannot read " + location + ": " + e.getMessage());
        }
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw SecuritySettings.invalid(
                    "security.jwt.public-key-location",
                    location + " holds no PEM public key " + "(-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + 26, end));
        } catch (IllegalArgumentException e) {
            throw SecuritySettings.invalid("security.jwt.public-key-location", location + ": the PEM is not base64");
        }
        for (String type : List.of("RSA", "EC")) {
            try {
                PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof RSAPublicKey rsa) {
                    return new RSAKey.Builder(rsa).build();
                }
                if (key instanceof ECPublicKey ec) {
                    return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
                }
            } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
                // try the next type
            }
        }
        throw SecuritySettings.invalid(
                "security.jwt.public-key-location", location + " is neither an RSA nor an EC " + "public key");
    }

    private static String or(@Nullable String value, String fallback) {
        return blank(value) ? fallback : value.strip();
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
