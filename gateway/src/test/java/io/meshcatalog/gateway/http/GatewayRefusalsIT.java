package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.limits.LimitsFixture;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway refuses, over real HTTP against the real gateway, and that nothing ran: a mutation a GET selects
 * by operation name, documents beyond the limits (the subgraphs are never asked), and requests a web page could have
 * forged. The subgraphs count every request they receive.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"server.port=0", "gateway.limits.max-depth=2"},
        args = "--supergraph=src/test/resources/golden/mutations/supergraph.graphql")
class GatewayRefusalsIT {

    private static final String CASE_NAME = "mutations";
    private static final TestSubgraph ACCOUNTS = TestSubgraph.golden(CASE_NAME, "accounts");
    private static final TestSubgraph ORDERS = TestSubgraph.golden(CASE_NAME, "orders");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PREFLIGHT = "apollo-require-preflight";

    @Value("${local.server.port}")
    int port;

    private int asked;

    @DynamicPropertySource
    static void subgraphUrls(DynamicPropertyRegistry registry) {
        registry.add("gateway.subgraph.accounts.url", ACCOUNTS::url);
        registry.add("gateway.subgraph.orders.url", ORDERS::url);
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.close();
        ORDERS.close();
    }

    @BeforeEach
    void count() {
        asked = ACCOUNTS.requests().size() + ORDERS.requests().size();
    }

    private void noSubgraphWasAsked() {
        assertThat(ACCOUNTS.requests().size() + ORDERS.requests().size())
                .as("requests to the subgraphs")
                .isEqualTo(asked);
    }

    @Test
    void aMutationBehindOperationNameIsNotRunByAGet() throws Exception {
        String document = "query A { __typename } mutation B { createUser(name: \"Mallory\") { id } }";
        HttpResponse<String> refused = get(document, "B", PREFLIGHT, "true");
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("allow")).hasValue("POST");
        assertThat(message(refused))
                .isEqualTo("operation B is a mutation, and a GET request runs queries only: send it " + "with POST");
        noSubgraphWasAsked();

        HttpResponse<String> query = get(document, "A", PREFLIGHT, "true");
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(GatewayCalls.tree(query.body()).at("/data/__typename").asString())
                .isEqualTo("Query");
        noSubgraphWasAsked();
    }

    @Test
    void theSameMutationSentWithPostRuns() throws Exception {
        HttpResponse<String> ran = post(
                "application/json",
                "{\"query\": \"query A { __typename } mutation B { createUser(name: \\\"Grace\\\") { id } }\","
                        + " \"operationName\": \"B\"}");
        assertThat(ran.statusCode()).isEqualTo(200);
        assertThat(GatewayCalls.tree(ran.body()).at("/data/createUser/id").asString())
                .isEqualTo("u7");
        assertThat(ACCOUNTS.requests()
                        .get(ACCOUNTS.requests().size() - 1)
                        .get("query")
                        .toString())
                .contains("createUser");
    }

    @Test
    void anOverDeepDocumentIsRefusedBeforeAnySubgraphIsAsked() throws Exception {
        JsonNode error = refusal("{ user(id: \"u7\") { orders { total } } }");
        assertThat(error.at("/message").asString())
                .isEqualTo("the operation's depth is 3, above gateway.limits.max-depth 2");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("MAX_DEPTH_LIMIT");
        noSubgraphWasAsked();
    }

    @Test
    void anOverAliasedDocumentIsRefusedBeforeAnySubgraphIsAsked() throws Exception {
        StringBuilder aliases = new StringBuilder("{ user(id: \"u7\") {");
        for (int i = 0; i < 31; i++) {
            aliases.append(" n").append(i).append(": name");
        }
        JsonNode error = refusal(aliases.append(" } }").toString());
        assertThat(error.at("/extensions/code").asString()).isEqualTo("MAX_ALIASES_LIMIT");
        assertThat(error.at("/message").asString()).contains("31 aliases, above gateway.limits.max-aliases 30");
        noSubgraphWasAsked();
    }

    @Test
    void anOversizedDocumentFailsWhileParsing() throws Exception {
        JsonNode error = refusal("{ user(id: \"u7\") { " + "id ".repeat(15_000) + "} }");
        assertThat(error.at("/message").asString())
                .startsWith("the document has more tokens than gateway.limits.parser-max-tokens 15000 allows");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("PARSING_ERROR");
        noSubgraphWasAsked();
    }

    @Test
    void aHugeNameOrValueIsNotEchoedWhole() throws Exception {
        String name = "a".repeat(100_000);
        HttpResponse<String> unknownField =
                post("application/json", GatewayCalls.JSON.writeValueAsString(Map.of("query", "{ " + name + " }")));
        assertThat(unknownField.body().length()).isLessThan(4_000);
        assertThat(message(unknownField))
                .startsWith("Validation error (FieldUndefined")
                .contains("characters cut")
                .endsWith("is undefined");

        HttpResponse<String> unknownArgument = post(
                "application/json",
                GatewayCalls.JSON.writeValueAsString(
                        Map.of("query", "{ user(id: \"u7\", " + name + ": 1) { name } }")));
        assertThat(unknownArgument.body().length()).isLessThan(4_000);
        assertThat(message(unknownArgument)).contains("Unknown field argument").contains("characters cut");
        noSubgraphWasAsked();
    }

    @Test
    void fragmentsSpreadingTheNextOneTwiceAreRefusedBeforeAnySubgraphIsAsked() throws Exception {
        JsonNode error = refusal(LimitsFixture.exponentialFragments(20, "user(id: \"u7\")", "User", "id name"));
        assertThat(error.at("/extensions/code").asString()).isEqualTo("MAX_FRAGMENT_DEPTH_LIMIT");
        noSubgraphWasAsked();
    }

    @Test
    void requestsAWebPageCouldForgeAreRefusedNamingWhatToSend() throws Exception {
        String body = "{\"query\": \"mutation { createUser(name: \\\"Mallory\\\") { id } }\"}";
        for (String type :
                List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> forged = post(type, body);
            assertThat(forged.statusCode()).as(type).isEqualTo(400);
            assertThat(message(forged))
                    .contains("cross-site request forgery")
                    .contains("application/json")
                    .contains("apollo-require-preflight");
        }
        HttpResponse<String> headerless = get("{ __typename }", null);
        assertThat(headerless.statusCode()).isEqualTo(400);
        assertThat(message(headerless)).contains("x-apollo-operation-name, apollo-require-preflight");
        noSubgraphWasAsked();

        assertThat(get("{ __typename }", null, "X-Apollo-Operation-Name", "anything")
                        .statusCode())
                .isEqualTo(200);
    }

    /** A POSTed JSON document's only error, which came without data and without asking anyone. */
    private JsonNode refusal(String query) throws Exception {
        HttpResponse<String> response =
                post("application/json", GatewayCalls.JSON.writeValueAsString(Map.of("query", query)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GatewayCalls.tree(response.body());
        assertThat(body.has("data")).as(response.body()).isFalse();
        assertThat(body.at("/errors").size()).isEqualTo(1);
        return body.at("/errors/0");
    }

    private static String message(HttpResponse<String> response) {
        return GatewayCalls.tree(response.body()).at("/errors/0/message").asString();
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/graphql"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String query, String operationName, String... headers) throws Exception {
        String path = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (operationName == null ? "" : "&operationName=" + operationName);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
