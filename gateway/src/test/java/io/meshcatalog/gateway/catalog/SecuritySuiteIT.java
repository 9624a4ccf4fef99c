package io.meshcatalog.gateway.catalog;

import static io.meshcatalog.gateway.catalog.DemoMesh.value;
import static io.meshcatalog.gateway.catalog.DemoMesh.values;
import static io.meshcatalog.gateway.support.GatewayCalls.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's security suite: every way around the gateway's rules a caller could try, one test each, over real HTTP
 * against the demo mesh as {@code --demo} runs it (the domain subgraphs as a child process, embedded Neo4j, the demo
 * personas), with JWTs of an identity provider of the test's own. Each test asserts the refusal a caller sees and that
 * the graph is unchanged, read straight from Neo4j over Bolt ({@link GraphFingerprint}); each refused write is in the
 * audit log. The attempts that would write try one a caller may legitimately make once authenticated (asking for
 * access to the private CRM contacts, or, as the admin, creating a key), so a bypass would show in the graph.
 */
class SecuritySuiteIT {

    private static final ApiKeyFormat.NewKey EXPIRED = ApiKeyFormat.generate(new SecureRandom());
    private static final String CONTACTS = "customers.contacts";
    private static final String REQUEST_ACCESS = "mutation { requestAccess(product: \"customers.contacts\", purpose: "
            + "\"bypass\", until: \"2999-01-01\") { id status } }";
    private static final String CREATE_KEY =
            "mutation { createApiKey(input: {subject: \"mallory\", roles: [ADMIN]}) " + "{ key } }";

    @TempDir
    static Path dataDir;

    private static final TestTokens IDP = TestTokens.generate();
    private static DemoMesh mesh;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(DemoMesh.personaArgs());
        args.addAll(ConfiguredKeys.args(DemoMesh.PERSONA_KEYS, EXPIRED, "gone", "READER", "", "2020-01-01"));
        args.addAll(IDP.gatewayArgs(dataDir));
        // the graph must not change under attack: no notification rounds writing alerts meanwhile (the job's write
        // below is long past its SLA, so the LATE sweep would raise one)
        args.add("--catalog.notifications.enabled=false");
        mesh = DemoMesh.start(dataDir.resolve("neo4j"), args.toArray(String[]::new));
        // the CRM team's job fills its contacts from the orders: lineage from a public product through a private one
        HttpResponse<String> stored =
                mesh.postAs(DemoMesh.CRM_KEY, "/api/v1/lineage", SecuritySuiteCalls.ordersIntoContacts());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    void noKeyIsRefusedEveryWrite() {
        Attempt<Map<String, Object>> request = attempt(() -> mesh.graphql(REQUEST_ACCESS));
        assertForbidden(request.answer(), "authenticate first");
        request.audited(event ->
                event.kind() == AuditKind.ACCESS_DENIED && event.actor().equals("anonymous"));

        Attempt<HttpResponse<String>> lineage =
                attempt(() -> mesh.post("/api/v1/lineage", SecuritySuiteCalls.ordersIntoContacts()));
        assertRefused(lineage.answer(), 401, "/api/v1/lineage needs a credential");
        lineage.audited(event -> event.kind() == AuditKind.AUTHENTICATION_FAILED
                && event.target().equals("/api/v1/lineage"));
    }

    @Test
    void revokedKeyIsRefused() {
        JsonNode created = GatewayCalls.JSON.valueToTree(mesh.graphqlAs(
                DemoMesh.ADMIN_KEY,
                "mutation { createApiKey("
                        + "input: {subject: \"short-lived\", teams: [\"orders-team\"]}) { key apiKey { id } } }"));
        String key = created.at("/data/createApiKey/key").asString();
        String id = created.at("/data/createApiKey/apiKey/id").asString();
        assertThat(mesh.graphqlAs(DemoMesh.ADMIN_KEY, "mutation { revokeApiKey(id: \"" + id + "\") { revokedAt } }"))
                .doesNotContainKey("errors");

        Attempt<HttpResponse<String>> refused = attempt(() -> graphqlWith(REQUEST_ACCESS, "X-Api-Key", key));

        assertRefused(refused.answer(), 401, "API key " + id + " was revoked");
        assertThat(refused.answer().body()).doesNotContain(key);
        refused.audited(event ->
                event.kind() == AuditKind.AUTHENTICATION_FAILED && event.actor().equals(id));
    }

    @Test
    void expiredKeyIsRefused() {
        Attempt<HttpResponse<String>> refused = attempt(() -> graphqlWith(REQUEST_ACCESS, "X-Api-Key", EXPIRED.key()));

        assertRefused(refused.answer(), 401, "API key " + EXPIRED.id() + " expired at 2020-01-01T00:00:00Z");
        refused.audited(event ->
                event.kind() == AuditKind.AUTHENTICATION_FAILED && event.actor().equals(EXPIRED.id()));
    }

    @Test
    void tokenOfTheConfiguredIssuerIsAccepted() {
        HttpResponse<String> answer = graphqlWith(
                "{ myAccessRequests { id } }",
                bearer(IDP.sign(TestTokens.claims().build())));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("errors");
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertTokenRefused(
                IDP.sign(TestTokens.claims().issuer("https://evil.test").build()), "iss");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertTokenRefused(IDP.sign(TestTokens.claims().audience("another-api").build()), "aud");
    }

    @Test
    void unsignedTokenIsRefused() {
        assertTokenRefused(TestTokens.unsigned(TestTokens.claims().build()), "not valid");
    }

    @Test
    void tokenSignedWithHmacUsingThePublicKeyIsRefused() {
        assertTokenRefused(IDP.hmacWithThePublicKey(TestTokens.claims().build()), "not valid");
    }

    @Test
    void keyInTheQueryStringIsRefused() {
        Attempt<HttpResponse<String>> refused = attempt(() -> mesh.post(
                "/graphql?api_key=" + DemoMesh.ADMIN_KEY, "application/json", SecuritySuiteCalls.body(CREATE_KEY)));

        assertRefused(refused.answer(), 400, "credentials are not accepted in the query string (api_key)");
        assertThat(refused.answer().body()).doesNotContain(DemoMesh.ADMIN_KEY);
        refused.audited(event -> event.kind() == AuditKind.AUTHENTICATION_FAILED
                && event.target().equals("/graphql"));
    }

    @Test
    void getMutationIsRefused() {
        assertGetRefused(CREATE_KEY, null, "the operation is a mutation, and a GET request runs queries only");
    }

    @Test
    void mutationHiddenBehindOperationNameIsRefused() {
        assertGetRefused(
                "query A { __typename } mutation B " + CREATE_KEY.substring("mutation ".length()),
                "B",
                "operation B is a mutation, and a GET request runs queries only: send it with POST");
    }

    @Test
    void aliasesAndFragmentsAroundAProtectedFieldGetNothing() {
        // the finance run cost needs the finance:read scope, which the analyst lacks
        Attempt<Map<String, Object>> response = attempt(() -> mesh.graphqlAs(DemoMesh.ANALYST_KEY, """
        { financeProducts { id cost: runCostLastMonth { amount } ...Cost ... on DataProduct { again: runCostLastMonth \
        { amount } } } } fragment Cost on DataProduct { runCostLastMonth { amount } }"""));

        assertThat(values(response.answer(), "data.financeProducts.![id]")).hasSize(2);
        assertThat(values(response.answer(), "data.financeProducts.![{cost, runCostLastMonth, again}]"))
                .allSatisfy(costs -> assertThat((Iterable<?>) costs).containsOnlyNulls());
        assertThat(values(response.answer(), "errors.![extensions['code']]"))
                .hasSize(3)
                .containsOnly("UNAUTHORIZED_FIELD_OR_TYPE");
        assertThat(values(response.answer(), "errors.![path[2]]"))
                .containsExactlyInAnyOrder("cost", "runCostLastMonth", "again");
    }

    @Test
    void introspectionShowsNoHiddenTypesDirectivesOrPrivateProducts() {
        Attempt<Map<String, Object>> response = attempt(
                () -> mesh.graphql(
                        "{ __schema { types { name description "
                                + "fields { name description } } directives { name } } entities: __type(name: \"_Entity\") { name } }"));

        assertThat(response.answer()).doesNotContainKey("errors");
        assertThat(values(response.answer(), "data.__schema.types.![name]"))
                .isNotEmpty()
                .noneMatch(name ->
                        ((String) name).matches("(join|link)__.*|_Entity|_Any|_Service|policy__.*|requiresScopes__.*"));
        assertThat(values(response.answer(), "data.__schema.directives.![name]"))
                .doesNotContain(
                        "inaccessible",
                        "authenticated",
                        "requiresScopes",
                        "policy",
                        "link",
                        "join__graph",
                        "join__type",
                        "join__field");
        assertThat(value(response.answer(), "data.entities")).isNull();
        assertThat(GatewayCalls.JSON.writeValueAsString(response.answer())).doesNotContain(CONTACTS, "CRM contacts");
    }

    @Test
    void searchTextMatchingAPrivateProductFindsNothing() {
        String search = "{ search(text: \"CRM contacts consent\") { totalCount edges { node { id } } facets { domain "
                + "{ value } } } }";
        assertThat(values(mesh.graphqlAs(DemoMesh.CRM_KEY, search), "data.search.edges.![node.id]"))
                .as("its owners")
                .contains(CONTACTS);

        for (String key : new String[] {null, DemoMesh.ANALYST_KEY}) {
            Attempt<Map<String, Object>> response =
                    attempt(() -> key == null ? mesh.graphql(search) : mesh.graphqlAs(key, search));
            assertThat(response.answer()).doesNotContainKey("errors");
            assertThat(values(response.answer(), "data.search.edges.![node.id]"))
                    .noneMatch(id -> ((String) id).startsWith(CONTACTS));
            assertThat(values(response.answer(), "data.search.facets.domain.![value]"))
                    .doesNotContain("customers");
        }
    }

    @Test
    void lineageThroughAPrivateProductShowsItHidden() {
        String impact = "{ impact(of: {kind: DATASET, id: \"orders.orders\"}) { nodes { id name path } hidden { team "
                + "count } ownersToNotify { team affected hiddenAffected } } }";
        assertThat(values(mesh.graphqlAs(DemoMesh.ADMIN_KEY, impact), "data.impact.nodes.![id]"))
                .as("the admin's")
                .contains(CONTACTS);

        Attempt<Map<String, Object>> response = attempt(() -> mesh.graphqlAs(DemoMesh.ANALYST_KEY, impact));

        assertThat(response.answer()).doesNotContainKey("errors");
        assertThat(values(response.answer(), "data.impact.hidden.?[team == 'crm-team'].![count]"))
                .singleElement()
                .satisfies(count -> assertThat((Integer) count).isPositive());
        assertThat(GatewayCalls.JSON.writeValueAsString(response.answer())).doesNotContain(CONTACTS, "CRM contacts");
    }

    @Test
    void directEntitiesCallForAHiddenProductAnswersNull() {
        String entities = SecuritySuiteCalls.body("{ _entities(representations: [{__typename: \"DataProduct\", id: "
                + "\"customers.contacts\"}]) { ... on DataProduct { id name } } }");
        assertThat(mesh.postAs(DemoMesh.CRM_KEY, "/catalog/graphql", entities).body())
                .as("its owners")
                .contains("\"name\":\"CRM contacts\"");

        for (String key : new String[] {null, DemoMesh.ANALYST_KEY}) {
            Attempt<HttpResponse<String>> catalog = attempt(() -> key == null
                    ? mesh.post("/catalog/graphql", entities)
                    : mesh.postAs(key, "/catalog/graphql", entities));
            assertThat(GatewayCalls.tree(catalog.answer().body())
                            .at("/data/_entities")
                            .toString())
                    .isEqualTo("[null]");
        }
        Attempt<HttpResponse<String>> subgraph =
                attempt(() -> SecuritySuiteCalls.post(mesh.subgraphUrl("customers"), entities));
        assertThat(GatewayCalls.tree(subgraph.answer().body())
                        .at("/data/_entities")
                        .toString())
                .isEqualTo("[null]");
        Attempt<HttpResponse<String>> gateway = attempt(() ->
                graphqlWith(GatewayCalls.tree(entities).at("/query").asString(), "X-Api-Key", DemoMesh.ANALYST_KEY));
        assertThat(gateway.answer().body())
                .as("not in the API schema")
                .contains("_entities")
                .doesNotContain("CRM contacts");
    }

    @Test
    void spoofedCallerAssertionGetsNoMoreThanItsOwnView() {
        String contacts = SecuritySuiteCalls.body("{ customersProducts { id } }");
        CallerClaims admin = new CallerClaims("mallory", true, true, Set.of("crm-team"), Set.of("pii:read"), Set.of());
        String forged = new CallerAssertion(SecuritySuiteCalls.randomSecret()).sign(admin, Instant.now());
        String genuine = new CallerAssertion(
                        mesh.property("security.subgraph-secret").getBytes(StandardCharsets.UTF_8))
                .sign(admin, Instant.now());
        assertThat(SecuritySuiteCalls.post(mesh.subgraphUrl("customers"), contacts, CallerAssertion.HEADER, genuine)
                        .body())
                .as("signed with the gateway's secret")
                .contains(CONTACTS);

        Attempt<HttpResponse<String>> throughTheGateway =
                attempt(() -> graphqlWith("{ customersProducts { id } }", CallerAssertion.HEADER, forged));
        assertThat(GatewayCalls.tree(throughTheGateway.answer().body())
                        .at("/data/customersProducts")
                        .toString())
                .isEqualTo("[]");
        Attempt<HttpResponse<String>> direct = attempt(
                () -> SecuritySuiteCalls.post(mesh.subgraphUrl("customers"), contacts, CallerAssertion.HEADER, forged));
        assertThat(GatewayCalls.tree(direct.answer().body())
                        .at("/data/customersProducts")
                        .toString())
                .isEqualTo("[]");
    }

    @Test
    void subgraphServingAnotherDomainFailsItsHarvest() {
        Path spoofed = dataDir.resolve("spoofed");
        try (ForwardingSubgraph customers = ForwardingSubgraph.to(mesh.subgraphUrl("customers"));
                DemoMesh gateway = DemoMesh.withCatalog(
                        spoofed.resolve("neo4j"),
                        "--subgraphs=customers=" + customers.url(),
                        "--security.subgraph-secret=" + mesh.property("security.subgraph-secret"))) {
            assertThat(gateway.graphqlAs(DemoMesh.ADMIN_KEY, "{ dataProduct(id: \"customers.contacts\") { id } }"))
                    .as("harvested at start")
                    .doesNotContainKey("errors");
            GraphFingerprint before = GraphFingerprint.of(gateway, spoofed.resolve("neo4j"));
            customers.forwardTo(mesh.subgraphUrl("marketing"));

            Map<String, Object> refresh = gateway.graphqlAs(
                    DemoMesh.ADMIN_KEY, "mutation { refreshCatalog { subgraphs { " + "subgraph status error } } }");

            assertThat(values(refresh, "data.refreshCatalog.subgraphs.?[subgraph == 'customers'].![error]"))
                    .containsExactly(
                            "subgraph customers published domain 'marketing' but is bound to domain 'customers' (catalog.domains."
                                    + "customers); nothing it sent was stored");
            assertThat(GraphFingerprint.of(gateway, spoofed.resolve("neo4j"))).isEqualTo(before);
            assertThat(SecuritySuiteCalls.awaitAudited(
                                    gateway,
                                    0,
                                    event -> event.kind() == AuditKind.HARVEST
                                            && event.target().equals("customers")
                                            && event.actor().equals("admin"))
                            .outcome())
                    .isEqualTo(AuditEvent.FAILURE);
        }
    }

    @Test
    void oversizedDocumentIsRefused() {
        Attempt<Map<String, Object>> response =
                attempt(() -> mesh.graphql("{ search { totalCount " + "totalCount ".repeat(15_000) + "} }"));

        assertThat(value(response.answer(), "errors[0].extensions.code")).isEqualTo("PARSING_ERROR");
        assertThat((String) value(response.answer(), "errors[0].message"))
                .startsWith("the document has more tokens than gateway.limits.parser-max-tokens 15000 allows");
        assertThat(response.answer()).doesNotContainKey("data");
    }

    @Test
    void overDeepDocumentIsRefused() {
        String deep = "{ dataProduct(id: \"orders.orders\") { " + "datasets { product { ".repeat(10) + "id"
                + " } }".repeat(10) + " } }";
        Attempt<Map<String, Object>> response = attempt(() -> mesh.graphql(deep));

        assertThat(value(response.answer(), "errors[0].extensions.code")).isEqualTo("MAX_DEPTH_LIMIT");
        assertThat((String) value(response.answer(), "errors[0].message"))
                .isEqualTo("the operation's depth is 22, above gateway.limits.max-depth 20");
        assertThat(response.answer()).doesNotContainKey("data");
    }

    /** What an attempt answered; the graph was the same after it as before. */
    private record Attempt<T>(T answer, int auditedBefore) {

        /** The audit record of the attempt's refusal, waiting for it: refusals are recorded without the answer waiting. */
        AuditEvent audited(Predicate<AuditEvent> wanted) {
            return SecuritySuiteCalls.awaitAudited(mesh, auditedBefore, wanted);
        }
    }

    private static <T> Attempt<T> attempt(Supplier<T> call) {
        GraphFingerprint before = GraphFingerprint.of(mesh, dataDir.resolve("neo4j"));
        int audited = SecuritySuiteCalls.audit(mesh).size();
        T answer = call.get();
        assertThat(GraphFingerprint.of(mesh, dataDir.resolve("neo4j")))
                .as("the stored graph")
                .isEqualTo(before);
        return new Attempt<>(answer, audited);
    }

    private static void assertTokenRefused(String token, String reason) {
        Attempt<HttpResponse<String>> refused = attempt(() -> graphqlWith(REQUEST_ACCESS, bearer(token)));
        assertRefused(refused.answer(), 401, reason);
        refused.audited(event -> event.kind() == AuditKind.AUTHENTICATION_FAILED
                && event.target().equals("/graphql"));
    }

    private static void assertGetRefused(String document, String operationName, String reason) {
        String path = "/graphql?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8)
                + (operationName == null ? "" : "&operationName=" + operationName);
        Attempt<HttpResponse<String>> refused =
                attempt(() -> mesh.get(path, "X-Api-Key", DemoMesh.ADMIN_KEY, "apollo-require-preflight", "true"));
        assertRefused(refused.answer(), 405, reason);
        assertThat(refused.answer().headers().firstValue("allow")).hasValue("POST");
        // the graph is unchanged (attempt); the gateway does not record a GET refused for its method in the audit log
    }

    private static void assertForbidden(Map<String, Object> answer, String reason) {
        assertThat(value(answer, "errors[0].extensions.code"))
                .as(answer.toString())
                .isEqualTo("FORBIDDEN");
        assertThat((String) value(answer, "errors[0].message")).contains(reason);
        assertThat(value(answer, "data?.requestAccess")).isNull();
    }

    private static HttpResponse<String> graphqlWith(String query, String... headers) {
        return mesh.post("/graphql", "application/json", SecuritySuiteCalls.body(query), headers);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
