package io.meshcatalog.gateway.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code security.*} settings; {@link SecuritySettings} checks them at start and names the setting at fault.
 *
 * @param anonymous {@code public} (the default: callers without a credential may query the public view, never
 *     write) or {@code off} (every route but {@code /health} and GraphiQL's static files needs a credential)
 * @param apiKeys keys from configuration, each with {@code hash: sha256:<hex>} ({@code --new-api-key} prints one)
 * @param apiKeyMaxLifetime the longest an admin may make a key live (90 days)
 * @param apiKeyRefreshInterval how often the keys stored in the catalog are re-read (30s), for changes made by
 *     another gateway on the same graph
 * @param jwt JWT bearer tokens; off unless a JWKS URL or a public key is set
 * @param subgraphSecret the secret the gateway signs each subgraph fetch's caller assertion with (at least 32
 *     bytes; {@code MESH_CALLER_SECRET} in the environment works too); none: no assertion is sent
 */
@ConfigurationProperties("security")
public record SecurityProperties(
        @Nullable String anonymous,
        @Nullable List<ConfiguredKey> apiKeys,
        @Nullable Duration apiKeyMaxLifetime,
        @Nullable Duration apiKeyRefreshInterval,
        @Nullable Jwt jwt,
        @Nullable String subgraphSecret) {

    /** Nothing configured: anonymous public access, no keys, no JWT. */
    public static final SecurityProperties NONE = new SecurityProperties(null, null, null, null, null, null);

    /**
     * One {@code security.api-keys[n]} entry.
     *
     * @param id the key's id, the part between {@code mck_} and the next {@code _}
     * @param hash {@code sha256:<64 hex digits>} of the whole key
     * @param expires when it stops working: an ISO instant ({@code 2027-01-31T00:00:00Z}) or date (UTC midnight)
     */
    public record ConfiguredKey(
            @Nullable String id,
            @Nullable String hash,
            @Nullable String subject,
            @Nullable List<String> teams,
            @Nullable List<String> roles,
            @Nullable List<String> scopes,
            @Nullable List<String> namespaces,
            @Nullable String expires) {

        @Override
        public String toString() {
            return "ConfiguredKey[id=" + id + ", subject=" + subject + "]";
        }
    }

    /**
     * {@code security.jwt.*}.
     *
     * @param jwkSetUri where the issuer publishes its keys (JWKS); re-read when a token names an unknown key
     * @param publicKeyLocation a PEM public key (RSA or EC) instead: a file path, or {@code classpath:…}
     * @param issuer the {@code iss} every token must carry
     * @param audiences every token's {@code aud} must name one of these
     * @param algorithms the accepted signature algorithms (RS256 and ES256); asymmetric ones only
     * @param clockSkew tolerance for {@code exp} and {@code nbf} (60s, at most 5 minutes)
     * @param jwkSetRefreshLimit at most one JWKS download per this interval for unknown keys (30s)
     * @param cacheSize how many decoded tokens are kept, each until it expires (10,000)
     * @param claims which claims say who the caller is
     */
    public record Jwt(
            @Nullable String jwkSetUri,
            @Nullable String publicKeyLocation,
            @Nullable String issuer,
            @Nullable List<String> audiences,
            @Nullable List<String> algorithms,
            @Nullable Duration clockSkew,
            @Nullable Duration jwkSetRefreshLimit,
            @Nullable Integer cacheSize,
            @Nullable Claims claims) {}

    /**
     * {@code security.jwt.claims.*}: claim names.
     *
     * @param subject the caller's subject ({@code sub})
     * @param teams its teams ({@code groups}: a list, or a space-separated string)
     * @param scopes its scopes ({@code scope} as a space-separated string, else {@code scp} as a list)
     * @param roles its roles ({@code roles}: READER, DOMAIN_MEMBER, ADMIN, any case)
     * @param namespaces its OpenLineage namespaces ({@code namespaces})
     */
    public record Claims(
            @Nullable String subject,
            @Nullable String teams,
            @Nullable String scopes,
            @Nullable String roles,
            @Nullable String namespaces) {}

    @Override
    public String toString() {
        return "SecurityProperties[anonymous=" + anonymous + ", apiKeys=" + apiKeys + ", jwt=" + jwt
                + ", subgraphSecret=" + (subgraphSecret == null ? "none" : "(set)") + "]";
    }
}
