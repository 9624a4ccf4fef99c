package io.meshcatalog.gateway;

import static io.meshcatalog.gateway.support.GatewayCalls.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way around authentication the edge must refuse, tried over real HTTP against the real gateway (the plain
 * start) with configured API keys and JWTs signed here and served by a real JWKS endpoint. Each refusal is
 * asserted with its status and reason, and with the subgraphs never asked: nothing ran behind a refused call.
 */
class EdgeAuthenticationIT {

    private static final Path CASE = Path.of("src/test/resources/golden/provides");
    private static final String QUERY = "{\"query\":\"{ topReviews { body author { username name } } }\"}";
    private static final String ISSUER = "https://idp.test";
    private static final String AUDIENCE = "mesh-catalog";
    private static final String SECRET = "an-assertion-secret-for-tests-only-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ApiKeyFormat.NewKey READER = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey ENGINEER = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey EXPIRED = ApiKeyFormat.generate(RANDOM);

    private static TestSubgraph accounts;
    private static TestSubgraph reviews;
    private static HttpServer jwks;
    private static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>();
    private static final AtomicInteger JWKS_DOWNLOADS = new AtomicInteger();
    private static RSAKey signing;
    private static PlainGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        accounts = subgraph("accounts");
        reviews = subgraph("reviews");
        signing = new RSAKeyGenerator(2048).keyID("key-1").generate();
        PUBLISHED.set(new JWKSet(signing.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            JWKS_DOWNLOADS.incrementAndGet();
            byte[] body = PUBLISHED.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        gateway = start(List.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        jwks.stop(0);
        accounts.close();
        reviews.close();
    }

    @Test
    void withoutACredentialTheCallerIsAnonymousWhileAnonymousAccessIsPublic() throws Exception {
        HttpResponse<String> answer = post(gateway, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(GatewayCalls.tree(answer.body())
                        .at("/data/topReviews/0/author/name")
                        .asString())
                .isEqualTo("Ada Lovelace");
        assertThat(callerSeenBy(reviews).authenticated()).isFalse();
    }

    @Test
    void withoutACredentialEveryRouteButHealthAndGraphiqlIsRefusedWhenAnonymousIsOff() throws Exception {
        try (PlainGateway closed = start(List.of("--security.anonymous=off"))) {
            int before = reviews.requests().size();
            HttpResponse<String> answer = post(closed, Map.of());

            assertRefused(answer, 401, "/graphql needs a credential");
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge ->
                            assertThat(challenge).contains("ApiKey").contains("Bearer"));
            assertThat(reviews.requests()).hasSize(before);
            assertThat(get(closed, "/health", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(closed, "/graphiql", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(closed, "/health", Map.of("X-Api-Key", EXPIRED.key()))
                            .statusCode())
                    .as("a bad credential is refused even where none is needed")
                    .isEqualTo(401);
            assertThat(post(closed, Map.of("Authorization", "ApiKey " + READER.key()))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aKeyAuthenticatesItsSubjectInEitherHeader() throws Exception {
        assertThat(post(gateway, Map.of("Authorization", "ApiKey " + READER.key()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(callerSeenBy(reviews).subject()).isEqualTo("reader-svc");
        assertThat(post(gateway, Map.of("X-Api-Key", ENGINEER.key())).statusCode())
                .isEqualTo(200);
        assertThat(callerSeenBy(reviews).subject()).isEqualTo("orders-engineer");
        assertThat(callerSeenBy(reviews).teams()).containsExactly("orders-team");
    }

    @Test
    void anUnknownKeyIsRefusedNotTreatedAsAnonymous() throws Exception {
        String unknown = ApiKeyFormat.generate(RANDOM).key();

        assertRefusedBeforeAnySubgraph(() -> post(gateway, Map.of("X-Api-Key", unknown)), 401, "is not known");
        assertRefusedBeforeAnySubgraph(
                () -> post(
                        gateway,
                        Map.of("Authorization", "ApiKey " + READER.key().replace('_', '-'))),
                401,
                "not a Mesh Catalog key");
    }

    @Test
    void aKeyWithTheRightIdButAnotherSecretIsRefused() throws Exception {
        String forged = READER.prefix() + "_" + "0".repeat(64);

        assertRefusedBeforeAnySubgraph(
                () -> post(gateway, Map.of("X-Api-Key", forged)), 401, "API key " + READER.id() + " is not known");
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        assertRefusedBeforeAnySubgraph(
                () -> post(gateway, Map.of("X-Api-Key", EXPIRED.key())),
                401,
                "API key " + EXPIRED.id() + " expired at 2020-01-01T00:00:00Z");
    }

    @Test
    void aKeyInTheQueryStringIsRefusedSayingWhy() throws Exception {
        for (String parameter : List.of("api_key", "apiKey", "access_token", "token")) {
            int before = reviews.requests().size();
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(uri(gateway, "/graphql?" + parameter + "=" + READER.key()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertRefused(answer, 400, "not accepted in the query string (" + parameter + ")");
            assertThat(answer.body()).doesNotContain(READER.key());
            assertThat(reviews.requests()).hasSize(before);
        }
    }

    @Test
    void twoCredentialsOrAnotherSchemeAreRefused() throws Exception {
        assertRefusedBeforeAnySubgraph(
                () -> post(gateway, Map.of("X-Api-Key", READER.key(), "Authorization", "ApiKey " + ADMIN.key())),
                401,
                "send one credential");
        assertRefusedBeforeAnySubgraph(
                () -> post(gateway, Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")),
                401,
                "must be ApiKey or Bearer");
    }

    @Test
    void thePlanIsForAdminsAndDomainMembersOnly() throws Exception {
        HttpResponse<String> reader = post(gateway, Map.of("X-Api-Key", READER.key(), "X-Mesh-Plan", "true"));
        assertRefused(reader, 403, "for admins and domain members: reader-svc has neither role");
        HttpResponse<String> anonymous = post(gateway, Map.of("X-Mesh-Plan", "true"));
        assertRefused(anonymous, 403, "anonymous has neither role");

        HttpResponse<String> admin = post(gateway, Map.of("X-Api-Key", ADMIN.key(), "X-Mesh-Plan", "true"));
        assertThat(GatewayCalls.tree(admin.body()).at("/extensions/queryPlan").asString())
                .startsWith("QueryPlan");
        HttpResponse<String> engineer = post(gateway, Map.of("X-Api-Key", ENGINEER.key(), "X-Mesh-Plan", "true"));
        assertThat(GatewayCalls.tree(engineer.body())
                        .at("/extensions/queryPlan")
                        .asString())
                .startsWith("QueryPlan");
    }

    @Test
    void subgraphsGetASignedCallerAndNeverTheClientsCredentialOrItsAssertion() throws Exception {
        String forged = new CallerAssertion(SECRET.replace('a', 'b').getBytes(StandardCharsets.UTF_8))
                .sign(
                        new CallerClaims(
                                "mallory", true, true, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()),
                        Instant.now());

        assertThat(post(gateway, Map.of("Authorization", "ApiKey " + READER.key(), "mesh-caller", forged))
                        .statusCode())
                .isEqualTo(200);

        assertThat(reviews.lastHeaders().getFirst("authorization")).isNull();
        assertThat(reviews.lastHeaders().getFirst("x-api-key")).isNull();
        assertThat(reviews.lastHeaders().getFirst(CallerAssertion.HEADER)).isNotEqualTo(forged);
        CallerClaims claims = callerSeenBy(reviews);
        assertThat(claims.subject()).isEqualTo("reader-svc");
        assertThat(claims.everything()).isFalse();
    }

    @Test
    void aValidTokenAuthenticatesItsSubjectWithTeamsAndScopes() throws Exception {
        String token = sign(claims().build());

        assertThat(post(gateway, bearer(token)).statusCode()).isEqualTo(200);
        CallerClaims claims = callerSeenBy(reviews);
        assertThat(claims.subject()).isEqualTo("ana");
        assertThat(claims.teams()).containsExactly("orders-team");
        assertThat(claims.scopes()).containsExactlyInAnyOrder("read:pii", "lineage:write");
        // the same token again is answered from the cache, just as well
        assertThat(post(gateway, bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertRefusedBeforeAnySubgraph(
                () -> post(
                        gateway,
                        bearer(sign(claims().issuer("https://evil.test").build()))),
                401,
                "iss");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefusedBeforeAnySubgraph(
                () -> post(gateway, bearer(sign(claims().audience("another-api").build()))), 401, "aud");
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRefused() throws Exception {
        Instant now = Instant.now();
        String expired = sign(claims().issueTime(Date.from(now.minus(10, ChronoUnit.MINUTES)))
                .expirationTime(Date.from(now.minus(2, ChronoUnit.MINUTES)))
                .build());

        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(expired)), 401, "expired");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        JWTClaimsSet noExpiry =
                new JWTClaimsSet.Builder(claims().build()).expirationTime(null).build();

        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(sign(noExpiry))), 401, "exp");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String none = header + "." + Base64URL.encode(claims().build().toString()) + ".";

        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(none)), 401, "not valid");
    }

    @Test
    void aTokenSignedWithHmacUsingThePublicKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
        forged.sign(new MACSigner(signing.toRSAPublicKey().getEncoded()));

        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(forged.serialize())), 401, "not valid");
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("key-1").generate();

        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(sign(claims().build(), stranger))), 401, "not valid");
    }

    @Test
    void aRotatedKeyIsFetchedFromTheJwksWhenATokenNamesIt() throws Exception {
        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("key-2").generate();
        String early = sign(claims().subject("before-rotation").build(), rotated);
        assertRefusedBeforeAnySubgraph(() -> post(gateway, bearer(early)), 401, "not valid");

        int downloads = JWKS_DOWNLOADS.get();
        PUBLISHED.set(new JWKSet(List.of(signing.toPublicJWK(), rotated.toPublicJWK())));
        String late = sign(claims().subject("after-rotation").build(), rotated);

        assertThat(post(gateway, bearer(late)).statusCode()).isEqualTo(200);
        assertThat(callerSeenBy(reviews).subject()).isEqualTo("after-rotation");
        assertThat(JWKS_DOWNLOADS.get()).isGreaterThan(downloads);
    }

    private static PlainGateway start(List<String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--supergraph=" + CASE.resolve("supergraph.graphql"),
                "--server.port=0",
                "--audit.dir=" + auditDir(),
                "--gateway.subgraph.accounts.url=" + accounts.url(),
                "--gateway.subgraph.reviews.url=" + reviews.url(),
                "--logging.level.io.meshcatalog=WARN",
                "--security.subgraph-secret=" + SECRET,
                "--security.jwt.jwk-set-uri=http://127.0.0.1:"
                        + jwks.getAddress().getPort() + "/jwks",
                "--security.jwt.issuer=" + ISSUER,
                "--security.jwt.audiences=" + AUDIENCE,
                "--security.jwt.jwk-set-refresh-limit=0s"));
        args.addAll(ConfiguredKeys.args(0, READER, "reader-svc", "READER", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(1, ADMIN, "root", "ADMIN", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(2, ENGINEER, "orders-engineer", "DOMAIN_MEMBER", "orders-team", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(3, EXPIRED, "gone", "READER", "", "2020-01-01"));
        args.addAll(more);
        return PlainGateway.start(PlainGateway.environment(args.toArray(String[]::new)));
    }

    /** Each gateway its own audit log: two gateways never share one (its lock says so). */
    private static Path auditDir() {
        try {
            return Files.createTempDirectory("edge-authentication-audit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("ana")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(10, ChronoUnit.MINUTES)))
                .claim("groups", List.of("orders-team"))
                .claim("scope", "read:pii lineage:write")
                .jwtID(Long.toHexString(RANDOM.nextLong()));
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, signing);
    }

    private static String sign(JWTClaimsSet claims, com.nimbusds.jose.jwk.JWK key) throws Exception {
        boolean ec = key instanceof ECKey;
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(ec ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
        return jwt.serialize();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static CallerClaims callerSeenBy(TestSubgraph subgraph) {
        String assertion = subgraph.lastHeaders().getFirst(CallerAssertion.HEADER);
        assertThat(assertion).as("the mesh-caller header the subgraph got").isNotNull();
        return new CallerAssertion(SECRET.getBytes(StandardCharsets.UTF_8)).verify(assertion, Instant.now());
    }

    /** The call is refused, and neither subgraph was asked anything for it. */
    private static void assertRefusedBeforeAnySubgraph(Call call, int status, String reason) throws Exception {
        int asked = accounts.requests().size() + reviews.requests().size();
        assertRefused(call.send(), status, reason);
        assertThat(accounts.requests().size() + reviews.requests().size())
                .as("subgraph requests")
                .isEqualTo(asked);
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> post(PlainGateway target, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PlainGateway target, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PlainGateway target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    private static TestSubgraph subgraph(String name) throws IOException {
        return TestSubgraph.start(
                name,
                Files.readString(CASE.resolve("subgraphs/" + name + ".graphqls")),
                Files.readString(CASE.resolve("subgraphs/" + name + ".json")));
    }
}
