package io.meshcatalog.gateway.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The credentials the federation benchmark sends to the gateway with authentication on, made for one run by
 * {@code gateway/bench/run-federation-bench.sh} and kept in its work folder, never in the repository: an API key
 * ({@code java -jar gateway.jar --new-api-key}) and an RS256 bearer token this driver signs with the run's RSA
 * private key, whose public key the gateway reads from {@code security.jwt.public-key-location}.
 */
final class BenchCredentials {

    /** Long enough for any run; the gateway caches a validated token until it expires. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private BenchCredentials() {}

    /** The API key in {@code file}, the only thing in it. */
    static String apiKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the benchmark's API key from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A token for subject {@code bench-jwt}, signed with the PKCS#8 PEM private key in {@code privateKey}
     * ({@code openssl genpkey -algorithm RSA}).
     */
    static String bearerToken(Path privateKey, String issuer, String audience) {
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
            int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
            int end = pem.indexOf("-----END PRIVATE KEY-----");
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(
                        privateKey + " holds no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
            }
            byte[] der =
                    Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .subject("bench-jwt")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(
                    "cannot sign the benchmark's bearer token with " + privateKey + ": " + e.getMessage(), e);
        }
    }
}
