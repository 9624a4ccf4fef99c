package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.CatalogGateway;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sharing with approval over real HTTP against the gateway with its catalog (embedded Neo4j, the demo's five
 * domains): a request, the owning team's approval, the requester seeing the private product everywhere while the grant
 * is in force and no longer once it is revoked; every refusal answered FORBIDDEN with nothing changed; every act in
 * the audit log with its actor, read over GraphQL as admins do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessSharingIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** An admin. */
    private static final ApiKeyFormat.NewKey ROOT_KEY = ApiKeyFormat.generate(RANDOM);

    private static final String ROOT = ROOT_KEY.key();
    /** A member of crm-team, which owns the private customers.contacts. */
    private static final ApiKeyFormat.NewKey MIA_KEY = ApiKeyFormat.generate(RANDOM);

    private static final String MIA = MIA_KEY.key();
    /** A reader in crm-team: sees the team's products, decides nothing. */
    private static final ApiKeyFormat.NewKey RAJ_KEY = ApiKeyFormat.generate(RANDOM);

    private static final String RAJ = RAJ_KEY.key();
    /** A member of orders-team. */
    private static final ApiKeyFormat.NewKey OLA_KEY = ApiKeyFormat.generate(RANDOM);

    private static final String OLA = OLA_KEY.key();
    /** A member of growth-team. */
    private static final ApiKeyFormat.NewKey LEA_KEY = ApiKeyFormat.generate(RANDOM);

    private static final String LEA = LEA_KEY.key();

    private static final String CONTACTS = "customers.contacts";
    private static final String REQUEST = "mutation($product: ID!, $purpose: String!, $until: String!, $team: String) "
            + "{ requestAccess(product: $product, purpose: $purpose, until: $until, forTeam: $team) { id status requester "
            + "team grantee purpose until } }";
    private static final String DECIDE = "mutation($id: ID!, $approve: Boolean!) { decideAccess(request: $id, "
            + "approve: $approve, note: \"order support only\") { id status decidedBy decidedAt note } }";
    private static final String REVOKE =
            "mutation($id: ID!) { revokeAccess(request: $id, note: \"done\") { id status " + "revokedBy } }";
    private static final String REQUESTS = "query($product: ID!) { accessRequests(product: $product) { id status } }";
    private static final String SEES = "{ dataProduct(id: \"customers.contacts\") { id grants { grantee purpose until "
            + "requester decidedBy } } search(text: \"contacts\") { edges { node { id } } } }";
    private static final String IMPACT =
            "{ impact(of: {kind: PRODUCT, id: \"customers.contacts\"}) { consumers { name } " + "} }";

    @TempDir
    static Path dataDir;

    private static CatalogGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        List<String> args = new ArrayList<>();
        args.addAll(ConfiguredKeys.args(0, ROOT_KEY, "root", "ADMIN", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(1, MIA_KEY, "mia", "DOMAIN_MEMBER", "crm-team", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(2, RAJ_KEY, "raj", "READER", "crm-team", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(3, OLA_KEY, "ola", "DOMAIN_MEMBER", "orders-team", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(4, LEA_KEY, "lea", "DOMAIN_MEMBER", "growth-team", "2099-01-01"));
        gateway = CatalogGateway.start(dataDir, args);
        loadTheDemoDomains();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aGrantLetsTheRequesterSeeThePrivateProductUntilItIsRevoked() {
        assertSeesNoContacts(OLA);

        JsonNode requested = gateway.graphql(OLA, REQUEST, request("order-support", "orders-team"));
        String id = requested.at("/data/requestAccess/id").asString();
        assertThat(requested.at("/data/requestAccess").toString())
                .contains("\"status\":\"PENDING\"", "\"requester\":\"ola\"", "\"grantee\":\"orders-team\"");
        assertThat(ids(gateway.graphql(MIA, "{ pendingAccessRequests { id } }"), "pendingAccessRequests"))
                .contains(id);
        assertThat(ids(gateway.graphql(OLA, "{ pendingAccessRequests { id } }"), "pendingAccessRequests"))
                .isEmpty();
        assertThat(ids(gateway.graphql(OLA, "{ myAccessRequests { id } }"), "myAccessRequests"))
                .startsWith(id);
        assertSeesNoContacts(OLA);

        JsonNode approved = gateway.graphql(MIA, DECIDE, Map.of("id", id, "approve", true));
        assertThat(approved.at("/data/decideAccess/status").asString()).isEqualTo("APPROVED");
        assertThat(approved.at("/data/decideAccess/decidedBy").asString()).isEqualTo("mia");

        JsonNode sees = gateway.graphql(OLA, SEES);
        assertThat(sees.at("/data/dataProduct/id").asString()).isEqualTo(CONTACTS);
        assertThat(sees.at("/data/search/edges").toString()).contains(CONTACTS);
        assertThat(sees.at("/data/dataProduct/grants")).singleElement().satisfies(grant -> {
            assertThat(grant.at("/grantee").asString()).isEqualTo("orders-team");
            assertThat(grant.at("/purpose").asString()).isEqualTo("order-support");
            assertThat(grant.at("/requester").asString()).isEqualTo("ola");
            assertThat(grant.at("/decidedBy").asString()).isEqualTo("mia");
            assertThat(grant.at("/until").asString()).startsWith(until());
        });
        assertThat(gateway.graphql(OLA, IMPACT).at("/data/impact/consumers").toString())
                .contains("CRM application");

        JsonNode revoked = gateway.graphql(MIA, REVOKE, Map.of("id", id));
        assertThat(revoked.at("/data/revokeAccess/status").asString()).isEqualTo("REVOKED");
        assertSeesNoContacts(OLA);

        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_REQUESTED
                        && id.equals(event.details().get("request"))))
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("ola");
                    assertThat(event.target()).isEqualTo(CONTACTS);
                    assertThat(event.source()).isEqualTo("127.0.0.1");
                });
        assertThat(gateway.audit().stream()
                        .filter(event -> event.kind() == AuditKind.ACCESS_DECIDED
                                && id.equals(event.details().get("request")))
                        .map(event -> event.actor() + " " + event.details().get("decision")))
                .containsExactly("mia APPROVED", "mia REVOKED");
    }

    @Test
    void refusalsAreForbiddenRecordedAndChangeNothing() {
        String id = gateway.graphql(OLA, REQUEST, request("churn-analysis", "orders-team"))
                .at("/data/requestAccess/id")
                .asString();
        String before =
                gateway.graphql(ROOT, REQUESTS, Map.of("product", CONTACTS)).toString();

        assertForbidden(gateway.graphql(null, REQUEST, request("churn-analysis", null)), "authenticate first");
        assertForbidden(
                gateway.graphql(LEA, REQUEST, request("churn-analysis", "orders-team")),
                "lea may ask for itself or for a team it belongs to [growth-team], not for orders-team");
        assertForbidden(
                gateway.graphql(LEA, DECIDE, Map.of("id", id, "approve", true)),
                "only crm-team, the team that owns customers.contacts, or an admin decides");
        assertForbidden(gateway.graphql(RAJ, DECIDE, Map.of("id", id, "approve", true)), "raj has neither role");
        assertForbidden(gateway.graphql(RAJ, REVOKE, Map.of("id", id)), "only ola, who asked");
        assertForbidden(gateway.graphql(null, "{ myAccessRequests { id } }"), "authenticate first");

        assertThat(gateway.graphql(ROOT, REQUESTS, Map.of("product", CONTACTS)).toString())
                .isEqualTo(before);
        assertSeesNoContacts(OLA);
        for (String actor : List.of("anonymous", "lea", "raj")) {
            assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_DENIED
                                    && event.actor().equals(actor)
                                    && String.valueOf(event.details().get("operation"))
                                            .endsWith("Access"))
                            .outcome())
                    .isEqualTo("DENIED");
        }
    }

    @Test
    void badRequestsAndDecisionsAreNamedWithACode() {
        assertCode(
                gateway.graphql(OLA, REQUEST, Map.of("product", CONTACTS, "purpose", "Churn!", "until", until())),
                "BAD_USER_INPUT",
                "invalid purpose 'Churn!'");
        assertCode(
                gateway.graphql(OLA, REQUEST, Map.of("product", CONTACTS, "purpose", "churn", "until", "soon")),
                "BAD_USER_INPUT",
                "until: \"soon\" is neither an ISO-8601 instant");
        assertCode(
                gateway.graphql(OLA, REQUEST, Map.of("product", CONTACTS, "purpose", "churn", "until", "2001-01-01")),
                "BAD_USER_INPUT",
                "until must be in the future");
        assertCode(
                gateway.graphql(
                        OLA, REQUEST, Map.of("product", "customers.nothing", "purpose", "churn", "until", until())),
                "NOT_FOUND",
                "customers.nothing");
        assertCode(
                gateway.graphql(OLA, REQUESTS, Map.of("product", "customers.nothing")),
                "NOT_FOUND",
                "customers.nothing");
        assertCode(
                gateway.graphql(MIA, DECIDE, Map.of("id", "no-such-request", "approve", true)),
                "NOT_FOUND",
                "no-such-request");

        String id = gateway.graphql(OLA, REQUEST, request("fraud-checks", "orders-team"))
                .at("/data/requestAccess/id")
                .asString();
        gateway.graphql(MIA, DECIDE, Map.of("id", id, "approve", false));
        assertCode(gateway.graphql(MIA, DECIDE, Map.of("id", id, "approve", true)), "CONFLICT", "is already DENIED");
    }

    @Test
    void adminsPageThroughTheAuditLogWithOpaqueCursorsAndOthersAreRefused() {
        gateway.graphql(OLA, REQUEST, request("returns-analysis", null));
        String page = "query($after: String, $kinds: [AuditKind!], $actor: String, $first: Int) { auditEvents(after: "
                + "$after, kinds: $kinds, actor: $actor, first: $first) { edges { cursor node { time kind actor source "
                + "target outcome details { key value } hash } } pageInfo { hasNextPage endCursor } } }";

        JsonNode first = gateway.graphql(ROOT, page, Map.of("first", 2));
        assertThat(first.at("/data/auditEvents/edges")).hasSize(2);
        assertThat(first.at("/data/auditEvents/pageInfo/hasNextPage").asBoolean())
                .isTrue();
        String cursor = first.at("/data/auditEvents/pageInfo/endCursor").asString();
        assertThat(cursor)
                .isEqualTo(first.at("/data/auditEvents/edges/1/cursor").asString())
                .doesNotContain(":");
        assertThat(first.at("/data/auditEvents/edges/0/node/hash").asString()).matches("[0-9a-f]{64}");
        JsonNode second = gateway.graphql(ROOT, page, Map.of("first", 2, "after", cursor));
        assertThat(second.at("/data/auditEvents/edges/0/node/hash").asString())
                .isNotEqualTo(first.at("/data/auditEvents/edges/1/node/hash").asString());

        JsonNode requests =
                gateway.graphql(ROOT, page, Map.of("kinds", List.of("ACCESS_REQUESTED"), "actor", "ola", "first", 500));
        assertThat(requests.at("/data/auditEvents/edges")).isNotEmpty().allSatisfy(edge -> {
            assertThat(edge.at("/node/kind").asString()).isEqualTo("ACCESS_REQUESTED");
            assertThat(edge.at("/node/actor").asString()).isEqualTo("ola");
            assertThat(edge.at("/node/details").toString()).contains("{\"key\":\"purpose\",\"value\":");
        });
        assertThat(requests.at("/data/auditEvents/edges").toString()).contains("returns-analysis");

        assertForbidden(
                gateway.graphql(MIA, page, Map.of()), "auditEvents: it is for admins; mia lacks the ADMIN role");
        assertCode(
                gateway.graphql(ROOT, page, Map.of("first", 501)), "BAD_USER_INPUT", "first must be between 1 and 500");
        assertCode(gateway.graphql(ROOT, page, Map.of("after", "bm9wZQ")), "BAD_USER_INPUT", "not a cursor");
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_DENIED
                                && event.actor().equals("mia"))
                        .target())
                .isEqualTo("audit log");
    }

    /** Last: it closes the audit log. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anApprovalTheAuditLogCannotRecordDoesNotWork() {
        String id = gateway.graphql(OLA, REQUEST, request("inventory-planning", "orders-team"))
                .at("/data/requestAccess/id")
                .asString();
        gateway.bean(FileAuditLog.class).close();

        JsonNode failed = gateway.graphql(MIA, DECIDE, Map.of("id", id, "approve", true));

        assertThat(failed.at("/errors/0/extensions/code").asString()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertSeesNoContacts(OLA);
        assertThat(gateway.graphql(ROOT, REQUESTS, Map.of("product", CONTACTS))
                        .at("/data/accessRequests")
                        .toString())
                .contains("{\"id\":\"" + id + "\",\"status\":\"REVOKED\"}");
    }

    private static void assertSeesNoContacts(String key) {
        JsonNode sees = gateway.graphql(key, SEES);
        assertThat(sees.at("/data/dataProduct").isNull()).as(sees.toString()).isTrue();
        assertThat(sees.at("/data/search/edges").toString()).doesNotContain(CONTACTS);
        assertThat(gateway.graphql(key, IMPACT).at("/errors/0/extensions/code").asString())
                .isEqualTo("NOT_FOUND");
    }

    private static void assertForbidden(JsonNode answer, String reason) {
        assertCode(answer, "FORBIDDEN", reason);
    }

    private static void assertCode(JsonNode answer, String code, String message) {
        assertThat(answer.at("/errors/0/extensions/code").asString())
                .as(answer.toString())
                .isEqualTo(code);
        assertThat(answer.at("/errors/0/message").asString()).contains(message);
    }

    private static List<String> ids(JsonNode answer, String field) {
        List<String> ids = new ArrayList<>();
        answer.at("/data/" + field).forEach(request -> ids.add(request.at("/id").asString()));
        return ids;
    }

    private static Map<String, Object> request(String purpose, @Nullable String team) {
        Map<String, Object> variables =
                new java.util.HashMap<>(Map.of("product", CONTACTS, "purpose", purpose, "until", until()));
        if (team != null) {
            variables.put("team", team);
        }
        return variables;
    }

    /** A date a month ahead. */
    private static String until() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    }

    /** The demo's descriptors, as its subgraphs serve them, stored as a harvest stores them. */
    private static void loadTheDemoDomains() throws IOException {
        Path domains =
                Path.of("..", "domain-subgraphs", "mesh", "src", "main", "resources", "io", "meshcatalog", "subgraphs");
        LineageStore store = gateway.bean(LineageStore.class);
        DescriptorLoader loader = new DescriptorLoader();
        for (String domain : List.of("orders", "shipping", "customers", "marketing", "finance")) {
            String yaml = Files.readString(domains.resolve(domain).resolve(domain + ".yaml"));
            store.upsert(loader.load(domain + ".yaml", yaml), yaml);
        }
        gateway.bean(CatalogVocabulary.class).refresh();
    }
}
