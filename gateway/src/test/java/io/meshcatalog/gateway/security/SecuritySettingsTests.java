package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad security settings stop the gateway at start, naming the setting. */
class SecuritySettingsTests {

    private static final String HASH = "sha256:" + "ab".repeat(32);

    @Test
    void nothingConfiguredIsAnonymousPublicWithoutJwtOrAssertion() {
        SecuritySettings settings = SecuritySettings.of(SecurityProperties.NONE, null);

        assertThat(settings.anonymousPublic()).isTrue();
        assertThat(settings.jwt()).isNull();
        assertThat(settings.assertion()).isNull();
        assertThat(settings.keyMaxLifetime()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void anonymousOffIsReadAsYamlWritesItToo() {
        assertThat(SecuritySettings.of(anonymous("off"), null).anonymousPublic())
                .isFalse();
        assertThat(SecuritySettings.of(anonymous("false"), null).anonymousPublic())
                .isFalse();
        assertThatThrownBy(() -> SecuritySettings.of(anonymous("sometimes"), null))
                .hasMessageContaining("security.anonymous");
    }

    @Test
    void aShortSubgraphSecretIsRefused() {
        assertThatThrownBy(() -> SecuritySettings.of(secret("too short"), null))
                .hasMessageContaining("security.subgraph-secret")
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> SecuritySettings.of(SecurityProperties.NONE, "short from the environment"))
                .hasMessageContaining("MESH_CALLER_SECRET");
        assertThat(SecuritySettings.of(SecurityProperties.NONE, "x".repeat(32)).assertion())
                .isNotNull();
    }

    @Test
    void hmacAndNoneAreRefusedInTheAlgorithmAllowList() {
        for (String algorithm : List.of("HS256", "none", "HS512")) {
            assertThatThrownBy(
                            () -> SecuritySettings.of(jwt(List.of("RS256", algorithm), Duration.ofSeconds(60)), null))
                    .hasMessageContaining("security.jwt.algorithms")
                    .hasMessageContaining(algorithm);
        }
    }

    @Test
    void aClockSkewOverFiveMinutesIsRefused() {
        assertThatThrownBy(() -> SecuritySettings.of(jwt(null, Duration.ofMinutes(6)), null))
                .hasMessageContaining("security.jwt.clock-skew");
        assertThat(SecuritySettings.of(jwt(null, Duration.ofMinutes(5)), null)
                        .jwt()
                        .clockSkew())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jwtNeedsAnIssuerAndAudiences() {
        SecurityProperties.Jwt noIssuer = new SecurityProperties.Jwt(
                "https://idp.example/jwks", null, null, List.of("mesh"), null, null, null, null, null);
        assertThatThrownBy(() -> SecuritySettings.of(withJwt(noIssuer), null))
                .hasMessageContaining("security.jwt.issuer");
        SecurityProperties.Jwt noAudience = new SecurityProperties.Jwt(
                "https://idp.example/jwks", null, "https://idp.example", null, null, null, null, null, null);
        assertThatThrownBy(() -> SecuritySettings.of(withJwt(noAudience), null))
                .hasMessageContaining("security.jwt.audiences");
    }

    @Test
    void aMalformedKeyHashIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> SecuritySettings.of(key("abcdefghij", "sha256:1234", "2030-01-01"), null))
                .hasMessageContaining("security.api-keys[0].hash");
    }

    @Test
    void everyConfiguredKeyExpires() {
        assertThatThrownBy(() -> SecuritySettings.of(key("abcdefghij", HASH, null), null))
                .hasMessageContaining("security.api-keys[0].expires");
        assertThatThrownBy(() -> SecuritySettings.of(key("abcdefghij", HASH, "soon"), null))
                .hasMessageContaining("security.api-keys[0].expires");
    }

    @Test
    void aConfiguredKeyBecomesARecordWithItsHash() {
        List<ApiKeyRecord> keys =
                SecuritySettings.of(key("abcdefghij", HASH, "2030-01-31"), null).configuredKeys();

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo("abcdefghij");
            assertThat(key.prefix()).isEqualTo("mck_abcdefghij");
            assertThat(key.hash()).isEqualTo("ab".repeat(32));
            assertThat(key.roles()).containsExactly("READER");
            assertThat(key.expiresAt()).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
            assertThat(key.createdBy()).isEqualTo("configuration");
        });
    }

    @Test
    void anUnknownRoleOrABadIdIsRefused() {
        SecurityProperties badRole = new SecurityProperties(
                null,
                List.of(new SecurityProperties.ConfiguredKey(
                        "abcdefghij", HASH, "ana", null, List.of("SUPERUSER"), null, null, "2030-01-01")),
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> SecuritySettings.of(badRole, null))
                .hasMessageContaining("security.api-keys[0].roles")
                .hasMessageContaining("SUPERUSER");
        assertThatThrownBy(() -> SecuritySettings.of(key("Bad_Id", HASH, "2030-01-01"), null))
                .hasMessageContaining("security.api-keys[0].id");
    }

    @Test
    void aPublicKeyIsReadFromAPathOrAFileUrlAndVerifiesTokensNamingAKeyId(@TempDir Path folder) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        Path pem = folder.resolve("idp.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        for (String location :
                List.of(pem.toAbsolutePath().toString(), pem.toUri().toString())) {
            SecurityProperties properties = withJwt(new SecurityProperties.Jwt(
                    null, location, "https://idp.example", List.of("mesh"), null, null, null, null, null));
            JwtSettings jwt = SecuritySettings.of(properties, null).jwt();
            assertThat(jwt).as(location).isNotNull();
            assertThat(jwt.decoder(Clock.systemUTC()).decode(token(key)).getSubject())
                    .as("a token naming its key id")
                    .isEqualTo("ana");
        }
        SecurityProperties missing = withJwt(new SecurityProperties.Jwt(
                null, "classpath:no/such.pem", "https://idp.example", List.of("mesh"), null, null, null, null, null));
        assertThatThrownBy(() -> SecuritySettings.of(missing, null))
                .hasMessageContaining("security.jwt.public-key-location")
                .hasMessageContaining("classpath:no/such.pem");
    }

    /** A token of https://idp.example for mesh, whose header names its key id (as issuers' tokens do). */
    private static String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-key-7").build(),
                new JWTClaimsSet.Builder()
                        .issuer("https://idp.example")
                        .audience("mesh")
                        .subject("ana")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static SecurityProperties anonymous(String mode) {
        return new SecurityProperties(mode, null, null, null, null, null);
    }

    private static SecurityProperties secret(String secret) {
        return new SecurityProperties(null, null, null, null, null, secret);
    }

    private static SecurityProperties jwt(List<String> algorithms, Duration skew) {
        return withJwt(new SecurityProperties.Jwt(
                "https://idp.example/jwks",
                null,
                "https://idp.example",
                List.of("mesh"),
                algorithms,
                skew,
                null,
                null,
                null));
    }

    private static SecurityProperties withJwt(SecurityProperties.Jwt jwt) {
        return new SecurityProperties(null, null, null, null, jwt, null);
    }

    private static SecurityProperties key(String id, String hash, String expires) {
        return new SecurityProperties(
                null,
                List.of(new SecurityProperties.ConfiguredKey(
                        id, hash, "ana", null, List.of("reader"), null, null, expires)),
                null,
                null,
                null,
                null);
    }
}
