package io.meshcatalog.gateway.catalog;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * An identity provider of the test's own: an RSA key pair whose public half the gateway is configured with
 * ({@code security.jwt.public-key-location}), tokens it signs, and the forgeries a caller could try instead.
 */
final class TestTokens {

    static final String ISSUER = "https://idp.test";
    static final String AUDIENCE = "mesh-catalog";

    private final RSAKey key;

    private TestTokens(RSAKey key) {
        this.key = key;
    }

    static TestTokens generate() {
        try {
            return new TestTokens(new RSAKeyGenerator(2048).keyID("idp-1").generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's settings for this provider, its public key written as PEM into {@code folder}. */
    List<String> gatewayArgs(Path folder) {
        try {
            Path pem = folder.resolve("idp-public-key.pem");
            Files.writeString(
                    pem,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes())
                                    .encodeToString(key.toRSAPublicKey().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return List.of(
                    "--security.jwt.public-key-location=" + pem,
                    "--security.jwt.issuer=" + ISSUER,
                    "--security.jwt.audiences=" + AUDIENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims the gateway accepts: right issuer and audience, ten minutes to live, a member of orders-team. */
    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("ana")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(10, ChronoUnit.MINUTES)))
                .claim("groups", List.of("orders-team"));
    }

    /** Signed with the provider's private key (RS256). */
    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: the claims with no signature at all. */
    static String unsigned(JWTClaimsSet claims) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64URL.encode(claims.toString()) + ".";
    }

    /** HS256 keyed with the provider's public key, which anyone may know: the classic algorithm confusion. */
    String hmacWithThePublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
