package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.AuditDirs;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.TestApiKeys;
import io.meshcatalog.gateway.support.TestSubgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Apollo's authorization directives over real HTTP, with a real subgraph: the golden {@code policy} supergraph,
 * policies configured as a deployment configures them, and callers told apart at the edge by their API keys. Each test is a way a caller could try to read what it may not.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "server.port=0",
            "gateway.authorization.policies.hr-staff.teams=hr",
            "gateway.authorization.policies.payroll.roles=admin",
            "gateway.authorization.policies.payroll.scopes=payroll:read",
            "gateway.authorization.policies.team-leads.subjects=grace,barbara"
        },
        args = "--supergraph=src/test/resources/golden/policy/supergraph.graphql")
class AuthorizationDirectivesIT {

    private static final TestSubgraph HR = TestSubgraph.golden("policy", "hr");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestApiKeys KEYS = new TestApiKeys();
    private static final String HR_MEMBER =
            KEYS.add("edsger", List.of("hr"), List.of("READER"), List.of()).apiKey();
    private static final String ADMIN =
            KEYS.add("ops", List.of(), List.of("ADMIN"), List.of()).apiKey();
    private static final String PAYROLL_ADMIN = KEYS.add("ops", List.of(), List.of("ADMIN"), List.of("payroll:read"))
            .apiKey();
    private static final String EVERYTHING = KEYS.add("root", List.of("hr"), List.of("ADMIN"), List.of("payroll:read"))
            .apiKey();
    private static final String QUERY = "{ employees { name salary } }";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void subgraphUrls(DynamicPropertyRegistry registry) {
        registry.add("gateway.subgraph.hr.url", HR::url);
        registry.add("audit.dir", () -> AuditDirs.fresh("authorization-directives-it"));
        KEYS.register(registry);
    }

    @AfterAll
    static void stop() {
        HR.close();
    }

    @Test
    void anonymousCallerGetsNullAndAnErrorAndTheSubgraphIsNeverAskedForTheField() throws Exception {
        JsonNode body = post(QUERY, null);
        assertThat(body.at("/data/employees/0/name").asString()).isEqualTo("Grace");
        assertThat(body.at("/data/employees/0/salary").isNull()).isTrue();
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("UNAUTHORIZED_FIELD_OR_TYPE");
        assertThat(body.at("/errors/0/path").toString()).isEqualTo("[\"employees\",\"@\",\"salary\"]");
        assertThat(lastSubgraphQuery()).doesNotContain("salary");
    }

    @Test
    void callerSatisfyingAConfiguredPolicyReadsTheField() throws Exception {
        JsonNode body = post(QUERY, HR_MEMBER);
        assertThat(body.at("/data/employees/0/salary").asInt()).isEqualTo(5000);
        assertThat(body.has("errors")).isFalse();
    }

    @Test
    void callersWithOtherRightsNeverShareAPlan() throws Exception {
        // The same document, one caller after the other: each gets what its own rights allow.
        assertThat(post(QUERY, HR_MEMBER).at("/data/employees/0/salary").asInt())
                .isEqualTo(5000);
        assertThat(post(QUERY, null).at("/data/employees/0/salary").isNull()).isTrue();
        assertThat(post(QUERY, ADMIN).at("/data/employees/0/salary").isNull())
                .as("payroll needs the admin role and the payroll:read scope")
                .isTrue();
        assertThat(post(QUERY, PAYROLL_ADMIN).at("/data/employees/0/salary").asInt())
                .isEqualTo(5000);
    }

    @Test
    void aliasesAndFragmentsAroundAProtectedFieldGetNothing() throws Exception {
        JsonNode body = post("""
        query { employees { name pay: salary ...Pay ... on Employee { wage: salary } } }
        fragment Pay on Employee { salary }
        """, null);
        assertThat(body.at("/data/employees/0").toString())
                .isEqualTo("{\"name\":\"Grace\",\"pay\":null,\"salary\":null,\"wage\":null}");
        assertThat(body.at("/errors").size()).isEqualTo(3);
        assertThat(lastSubgraphQuery()).doesNotContain("salary");
    }

    @Test
    void policyNoConfigurationDefinesIsDeniedEvenToAnAdministrator() throws Exception {
        JsonNode body = post("{ employees { auditTrail } }", EVERYTHING);
        assertThat(body.at("/data").toString()).isEqualTo("{}");
        assertThat(body.at("/errors/0/path").toString()).isEqualTo("[\"employees\",\"@\",\"auditTrail\"]");
    }

    @Test
    void introspectionShowsTheProtectedFieldsToAnonymousCallersButNotTheDirectives() throws Exception {
        JsonNode body =
                post("{ __type(name: \"Employee\") { fields { name } } __schema { directives { name } } }", null);
        assertThat(body.at("/data/__type/fields").toString())
                .contains("\"salary\"")
                .contains("\"auditTrail\"");
        assertThat(body.at("/data/__schema/directives").toString()).doesNotContain("policy");
    }

    private String lastSubgraphQuery() {
        List<Map<String, Object>> requests = HR.requests();
        return String.valueOf(requests.get(requests.size() - 1).get("query"));
    }

    private JsonNode post(String query, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        GatewayCalls.JSON.writeValueAsString(Map.of("query", query))));
        if (caller != null) {
            request.header("X-Api-Key", caller);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return GatewayCalls.tree(response.body());
    }
}
