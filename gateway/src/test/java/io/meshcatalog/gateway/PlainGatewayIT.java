package io.meshcatalog.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway started without the Spring container, as {@code java -jar gateway.jar --supergraph=…} does: the
 * same configuration (command line over the jar's properties, Spring Boot's binding), the same routes.
 */
class PlainGatewayIT {

    private static final String CASE_NAME = "provides";
    private static final Path CASE = Path.of("src/test/resources/golden", CASE_NAME);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(new SecureRandom());
    private static final TestSubgraph ACCOUNTS = TestSubgraph.golden(CASE_NAME, "accounts");
    private static final TestSubgraph REVIEWS = TestSubgraph.golden(CASE_NAME, "reviews");

    @AfterAll
    static void stop() {
        ACCOUNTS.close();
        REVIEWS.close();
    }

    @TempDir
    Path dir;

    @Test
    void servesGraphqlHealthAndGraphiqlWithTheCommandLinesSettings() throws Exception {
        try (PlainGateway gateway = start("--gateway.subgraph.reviews.headers.x-team=catalog")) {
            assertThat(get(gateway, "/health").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "/graphiql").body()).contains("graphiql");

            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(uri(gateway, "/graphql"))
                            .header("Content-Type", "application/json")
                            .header("X-Mesh-Plan", "true")
                            .header("X-Api-Key", ADMIN.key())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"query\":\"{ topReviews { body author { username name } } }\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = GatewayCalls.tree(answer.body());
            assertThat(body.at("/data/topReviews/0/author/name").asString()).isEqualTo("Ada Lovelace");
            assertThat(body.at("/extensions/queryPlan").asString())
                    .as("the jar's gateway.plan-header")
                    .startsWith("QueryPlan");
            assertThat(REVIEWS.lastHeaders().getFirst("x-team")).isEqualTo("catalog");
        }
    }

    @Test
    void csrfProtectionAndTheConfiguredLimitsApplyToThePlainStartToo() throws Exception {
        try (PlainGateway gateway = start("--gateway.limits.max-aliases=1")) {
            int asked = REVIEWS.requests().size();
            HttpResponse<String> forged = HTTP.send(
                    HttpRequest.newBuilder(uri(gateway, "/graphql"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("cross-site request forgery");

            HttpResponse<String> aliased = HTTP.send(
                    HttpRequest.newBuilder(uri(gateway, "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"query\":\"{ a: topReviews { body } b: topReviews { body } }\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = GatewayCalls.tree(aliased.body());
            assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("MAX_ALIASES_LIMIT");
            assertThat(body.at("/errors/0/message").asString()).contains("above gateway.limits.max-aliases 1");
            assertThat(REVIEWS.requests()).hasSize(asked);
        }
    }

    @Test
    void theCatalogAndSpringProfilesNeedTheSpringApplication() {
        assertThat(PlainGateway.applies(PlainGateway.environment(new String[] {"--supergraph=x"})))
                .isTrue();
        assertThat(PlainGateway.applies(PlainGateway.environment(new String[] {"--catalog.enabled=false"})))
                .isTrue();
        assertThat(PlainGateway.applies(PlainGateway.environment(new String[] {"--catalog.enabled=true"})))
                .isFalse();
        assertThat(PlainGateway.applies(PlainGateway.environment(new String[] {"--spring.profiles.active=prod"})))
                .isFalse();
    }

    /** The gateway over the provides case, its subgraphs where this test serves them, with more arguments. */
    /** A gateway with its own audit log and an admin key, and {@code more} settings. */
    @Test
    void eachCallerHasItsOwnRateLimitAndIsToldWhenToComeBack() throws Exception {
        try (PlainGateway gateway = start("--gateway.rate-limit.requests=3", "--gateway.rate-limit.period=2s")) {
            for (int i = 0; i < 3; i++) {
                assertThat(graphql(gateway, ADMIN.key()).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = graphql(gateway, ADMIN.key());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
            assertThat(limited.body())
                    .contains("root sent more than 3 requests in 2000 ms")
                    .contains("RATE_LIMITED");

            assertThat(graphql(gateway, null).statusCode())
                    .as("an anonymous client has its own share")
                    .isEqualTo(200);
            assertThat(get(gateway, "/health/live").statusCode())
                    .as("health is not counted")
                    .isEqualTo(200);
            Thread.sleep(2_100);
            assertThat(graphql(gateway, ADMIN.key()).statusCode())
                    .as("the next period")
                    .isEqualTo(200);
        }
    }

    @Test
    void eachCallerSpendsItsOwnCostBudgetAndIsToldWhenToComeBack() throws Exception {
        // { topReviews { body } } is estimated at 10: a list of 10 reviews, each an object
        try (PlainGateway gateway = start(
                "--gateway.rate-limit.cost=25", "--gateway.limits.max-cost=20", "--gateway.rate-limit.period=2s")) {
            assertThat(graphql(gateway, ADMIN.key()).statusCode()).isEqualTo(200);
            assertThat(graphql(gateway, ADMIN.key()).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = graphql(gateway, ADMIN.key());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
            assertThat(limited.body())
                    .contains("the operation's estimated cost 10 is more than is left of root's 25 per "
                            + "2000 ms (gateway.rate-limit.cost per gateway.rate-limit.period)")
                    .contains("RATE_LIMITED");

            assertThat(graphql(gateway, null).statusCode())
                    .as("an anonymous client has its own budget")
                    .isEqualTo(200);
            Thread.sleep(2_100);
            assertThat(graphql(gateway, ADMIN.key()).statusCode())
                    .as("the next period")
                    .isEqualTo(200);
        }
    }

    @Test
    void aCostBudgetBelowTheMostOneOperationMayCostIsRefusedAtStart() {
        assertThatThrownBy(() -> start("--gateway.rate-limit.cost=100", "--gateway.limits.max-cost=500"))
                .hasStackTraceContaining(
                        "gateway.rate-limit.cost (100) must be at least gateway.limits.max-cost (500)");
    }

    @Test
    void metricsAreForAdminsInPrometheusTextWithOperationsSubgraphsCachesAndTheJvm() throws Exception {
        try (PlainGateway gateway = start("--gateway.metrics.max-operation-names=2")) {
            assertThat(get(gateway, "/metrics").statusCode()).isEqualTo(401);
            for (String query : List.of(
                    "query First { topReviews { body } }",
                    "query Second { topReviews { body } }",
                    "query Third { topReviews { body } }",
                    "query Fourth { topReviews { body } }",
                    "{ topReviews { body } }",
                    "query Broken { nope }")) {
                assertThat(graphql(gateway, ADMIN.key(), query).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> metrics = HTTP.send(
                    HttpRequest.newBuilder(uri(gateway, "/metrics"))
                            .header("X-Api-Key", ADMIN.key())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            String text = metrics.body();
            assertThat(text)
                    .contains(
                            "meshcatalog_operations_seconds_count{operation=\"First\",outcome=\"success\",type=\"query\"} 1")
                    .contains(
                            "meshcatalog_operations_seconds_count{operation=\"Second\",outcome=\"success\",type=\"query\"} 1")
                    .as("names past gateway.metrics.max-operation-names count as other")
                    .contains(
                            "meshcatalog_operations_seconds_count{operation=\"other\",outcome=\"success\",type=\"query\"} 2")
                    .contains(
                            "meshcatalog_operations_seconds_count{operation=\"anonymous\",outcome=\"success\",type=\"query\"} 1")
                    .as("an invalid document is not named")
                    .contains(
                            "meshcatalog_operations_seconds_count{operation=\"unknown\",outcome=\"refused\",type=\"unknown\"} 1")
                    .doesNotContain("Third", "Fourth", "Broken")
                    .contains("meshcatalog_subgraph_fetches_seconds_count{outcome=\"success\",subgraph=\"reviews\"} 5")
                    .contains("meshcatalog_subgraph_response_bytes_count{subgraph=\"reviews\"} 5")
                    .contains("cache_gets_total{cache=\"documents\",result=\"miss\"}")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/metrics\",status=\"401\"} 1")
                    .contains(
                            "http_server_requests_seconds_bucket{method=\"POST\",route=\"/graphql\",status=\"200\",le=\"0.005\"}")
                    .contains("jvm_memory_used_bytes{", "process_cpu_usage", "netty_eventexecutor_tasks_pending{");
        }
    }

    @Test
    void metricsTurnedOffAreNotServed() throws Exception {
        try (PlainGateway gateway = start("--gateway.metrics.enabled=false")) {
            assertThat(graphql(gateway, ADMIN.key()).statusCode()).isEqualTo(200);
            assertThat(HTTP.send(
                                    HttpRequest.newBuilder(uri(gateway, "/metrics"))
                                            .header("X-Api-Key", ADMIN.key())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theAccessLogHasAJsonLinePerRequestNamingCallerAndOperationButNoCredential() throws Exception {
        Path log = dir.resolve("access.log");
        try (PlainGateway gateway = start("--gateway.access-log=" + log)) {
            assertThat(graphql(gateway, ADMIN.key(), "query Reviews { topReviews { body } }")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(gateway, "/nowhere").statusCode()).isEqualTo(404);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        JsonNode graphql = GatewayCalls.tree(lines.get(0));
        assertThat(graphql.at("/method").asString()).isEqualTo("POST");
        assertThat(graphql.at("/route").asString()).isEqualTo("/graphql");
        assertThat(graphql.at("/status").asInt()).isEqualTo(200);
        assertThat(graphql.at("/caller").asString()).isEqualTo("root");
        assertThat(graphql.at("/credential").asString()).isEqualTo(ADMIN.id());
        assertThat(graphql.at("/operation").asString()).isEqualTo("Reviews");
        assertThat(graphql.at("/operationType").asString()).isEqualTo("query");
        assertThat(graphql.at("/errors").asBoolean()).isFalse();
        assertThat(graphql.at("/durationMs").asDouble()).isPositive();
        assertThat(lines.get(0)).doesNotContain(ADMIN.key(), "topReviews");
        JsonNode missing = GatewayCalls.tree(lines.get(1));
        assertThat(missing.at("/route").asString()).isEqualTo("unrouted");
        assertThat(missing.at("/path").asString()).isEqualTo("/nowhere");
        assertThat(missing.at("/caller").asString()).isEqualTo("anonymous");
        assertThat(missing.has("operation")).isFalse();
    }

    @Test
    void apqRunsADocumentByItsHashOnceSentOverPostAndGet() throws Exception {
        String query = "{ topReviews { body } }";
        String hash = DigestUtils.sha256Hex(query);
        Map<String, Object> byHash = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        try (PlainGateway gateway = start()) {
            String whole = graphql(gateway, null, query).body();
            int asked = REVIEWS.requests().size();
            HttpResponse<String> unknown = post(gateway, Map.of("extensions", byHash));
            assertThat(unknown.statusCode())
                    .as("Apollo Client retries with the document on this answer")
                    .isEqualTo(200);
            assertThat(GatewayCalls.tree(unknown.body())
                            .at("/errors/0/extensions/code")
                            .asString())
                    .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
            assertThat(unknown.headers().firstValue("cache-control")).hasValue("private, no-cache, must-revalidate");
            assertThat(REVIEWS.requests()).as("nothing ran").hasSize(asked);

            assertThat(post(gateway, Map.of("query", query, "extensions", byHash))
                            .body())
                    .isEqualTo(whole);
            // as Apollo Client sends it, with the header that tells the gateway's CSRF check it is no web page's form
            HttpResponse<String> get = HTTP.send(
                    HttpRequest.newBuilder(uri(
                                    gateway,
                                    "/graphql?extensions="
                                            + URLEncoder.encode(
                                                    GatewayCalls.JSON.writeValueAsString(byHash),
                                                    StandardCharsets.UTF_8)))
                            .header("apollo-require-preflight", "true")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).as("by hash alone, as a CDN-cacheable GET").isEqualTo(whole);

            HttpResponse<String> mismatch =
                    post(gateway, Map.of("query", "{ topReviews { id } }", "extensions", byHash));
            assertThat(mismatch.statusCode()).isEqualTo(400);
            assertThat(mismatch.body()).contains("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH");
        }
    }

    @Test
    void aSafelistRunsTheManifestsOperationsByIdOrAsTextAndNothingElse() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
        {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
          {"id": "reviews-v1", "name": "Reviews", "type": "query", "body": "query Reviews { topReviews { body } }"}]}
        """);
        try (PlainGateway gateway = start(
                "--gateway.persisted-documents.manifests=" + manifest, "--gateway.persisted-documents.safelist=true")) {
            String byText = graphql(gateway, null, "query Reviews {\n  topReviews { body }\n}")
                    .body();
            assertThat(GatewayCalls.tree(byText).at("/data/topReviews").isArray())
                    .isTrue();
            assertThat(post(
                                    gateway,
                                    Map.of(
                                            "extensions",
                                            Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "reviews-v1"))))
                            .body())
                    .isEqualTo(byText);

            int asked = REVIEWS.requests().size();
            HttpResponse<String> other = graphql(gateway, null, "{ topReviews { body author { name } } }");
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.body()).contains("QUERY_NOT_IN_SAFELIST", "not in the persisted query list");
            HttpResponse<String> unknownId = post(
                    gateway,
                    Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "reviews-v2"))));
            assertThat(unknownId.statusCode()).isEqualTo(404);
            assertThat(unknownId.body()).contains("PERSISTED_QUERY_NOT_IN_LIST");
            assertThat(REVIEWS.requests()).as("nothing ran").hasSize(asked);
        }
    }

    @Test
    void aManifestThatCannotBeReadStopsTheStartNamingIt() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> start(
                        "--gateway.persisted-documents.manifests=" + missing,
                        "--gateway.persisted-documents.safelist=true"))
                .hasStackTraceContaining("gateway.persisted-documents.manifests: cannot read " + missing);
    }

    private static HttpResponse<String> post(PlainGateway gateway, Map<String, Object> body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(gateway, "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(GatewayCalls.JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> graphql(PlainGateway gateway, String key) throws Exception {
        return graphql(gateway, key, "{ topReviews { body } }");
    }

    private static HttpResponse<String> graphql(PlainGateway gateway, String key, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(gateway, "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        GatewayCalls.JSON.writeValueAsString(Map.of("query", query))));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PlainGateway start(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--supergraph=" + CASE.resolve("supergraph.graphql"),
                "--server.port=0",
                "--audit.dir=" + Files.createTempDirectory(dir, "audit"),
                "--gateway.subgraph.accounts.url=" + ACCOUNTS.url(),
                "--gateway.subgraph.reviews.url=" + REVIEWS.url(),
                "--logging.level.io.meshcatalog=WARN"));
        args.addAll(ConfiguredKeys.args(0, ADMIN, "root", "ADMIN", "", "2099-01-01"));
        args.addAll(List.of(more));
        return PlainGateway.start(PlainGateway.environment(args.toArray(String[]::new)));
    }

    private static HttpResponse<String> get(PlainGateway gateway, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(gateway, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PlainGateway gateway, String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }
}
