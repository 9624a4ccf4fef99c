package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.support.CatalogGateway;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The key life cycle over real HTTP against the gateway with its catalog (embedded Neo4j): an admin creates a key
 * over GraphQL, it authenticates, the admin revokes it, it is refused; a non-admin can do none of it, and the key
 * list is unchanged after each refusal. Every create and revoke, and every refused credential, is in the audit
 * log, which never holds a key.
 */
class ApiKeyAdminIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ApiKeyFormat.NewKey ADMIN = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey READER = ApiKeyFormat.generate(RANDOM);
    private static final String LIST = "{ apiKeys { id prefix subject roles revokedAt createdBy } }";

    @TempDir
    static Path dataDir;

    private static CatalogGateway gateway;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(List.of("--security.api-key-max-lifetime=30d"));
        args.addAll(ConfiguredKeys.args(0, ADMIN, "root", "ADMIN", "", "2099-01-01"));
        args.addAll(ConfiguredKeys.args(1, READER, "reader-svc", "READER", "", "2099-01-01"));
        gateway = CatalogGateway.start(dataDir, args);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void anAdminCreatesAKeyThatAuthenticatesAndIsListedByItsPrefixOnly() throws Exception {
        JsonNode created = graphql(
                ADMIN.key(),
                "mutation { createApiKey(input: {subject: \"etl-bot\", roles: "
                        + "[DOMAIN_MEMBER], teams: [\"orders-team\"], namespaces: [\"orders\"]}) { key apiKey { id prefix subject "
                        + "roles teams namespaces createdBy expiresAt revokedAt } } }");
        String key = created.at("/data/createApiKey/key").asString();
        String id = created.at("/data/createApiKey/apiKey/id").asString();

        assertThat(key).matches("mck_[a-z0-9]{10}_[0-9a-f]{64}").startsWith("mck_" + id + "_");
        assertThat(created.at("/data/createApiKey/apiKey/createdBy").asString()).isEqualTo("root");
        assertThat(created.at("/data/createApiKey/apiKey/revokedAt").isNull()).isTrue();
        assertThat(Instant.parse(
                        created.at("/data/createApiKey/apiKey/expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        JsonNode listed = graphql(ADMIN.key(), LIST);
        assertThat(listed.toString())
                .contains("mck_" + id)
                .doesNotContain(key)
                .doesNotContain(ApiKeyFormat.sha256(key));

        HttpResponse<String> asNewKey = post("/graphql", key, "{\"query\":\"{ search { totalCount } }\"}");
        assertThat(asNewKey.statusCode()).isEqualTo(200);
        assertThat(audited(AuditKind.API_KEY_CREATED, id))
                .singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("root"));
        assertThat(auditText()).doesNotContain(key).doesNotContain(ApiKeyFormat.sha256(key));
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        JsonNode created = graphql(
                ADMIN.key(), "mutation { createApiKey(input: {subject: \"short-lived\"}) { key " + "apiKey { id } } }");
        String key = created.at("/data/createApiKey/key").asString();
        String id = created.at("/data/createApiKey/apiKey/id").asString();
        assertThat(post("/graphql", key, "{\"query\":\"{ search { totalCount } }\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode revoked = graphql(ADMIN.key(), "mutation { revokeApiKey(id: \"" + id + "\") { id revokedAt } }");
        assertThat(revoked.at("/data/revokeApiKey/revokedAt").isNull()).isFalse();

        HttpResponse<String> refused = post("/graphql", key, "{\"query\":\"{ search { totalCount } }\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("API key " + id + " was revoked").doesNotContain(key);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(audited(AuditKind.API_KEY_REVOKED, id)).hasSize(1);
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.AUTHENTICATION_FAILED
                        && event.actor().equals(id)))
                .satisfies(event -> assertThat(event.target()).isEqualTo("/graphql"));
    }

    @Test
    void aNonAdminCannotCreateAKeyAndNothingChanges() throws Exception {
        String before = graphql(ADMIN.key(), LIST).toString();

        JsonNode refused = graphql(
                READER.key(), "mutation { createApiKey(input: {subject: \"me\", roles: [ADMIN]}) " + "{ key } }");

        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString())
                .isEqualTo("createApiKey is for admins: reader-svc lacks the ADMIN role");
        assertThat(refused.at("/data/createApiKey").isMissingNode()
                        || refused.at("/data").isNull())
                .isTrue();
        assertThat(graphql(ADMIN.key(), LIST).toString()).isEqualTo(before);
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_DENIED
                        && event.actor().equals("reader-svc")
                        && "createApiKey".equals(event.details().get("operation"))))
                .satisfies(event -> {
                    assertThat(event.target()).isEqualTo("a key for me");
                    assertThat(event.details().get("reason"))
                            .isEqualTo("createApiKey is for admins: reader-svc lacks the ADMIN role");
                });
    }

    @Test
    void aNonAdminCannotRevokeOrListKeys() throws Exception {
        String before = graphql(ADMIN.key(), LIST).toString();

        JsonNode revoke = graphql(READER.key(), "mutation { revokeApiKey(id: \"" + ADMIN.id() + "\") { id } }");
        assertThat(revoke.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        JsonNode anonymous = graphql(null, LIST);
        assertThat(anonymous.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(anonymous.at("/errors/0/message").asString()).contains("anonymous lacks the ADMIN role");
        assertThat(graphql(ADMIN.key(), LIST).toString()).isEqualTo(before);
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_DENIED
                                && event.actor().equals("reader-svc")
                                && event.target().equals(ADMIN.id()))
                        .details())
                .containsEntry("operation", "revokeApiKey");
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.ACCESS_DENIED
                                && event.actor().equals("anonymous")
                                && "apiKeys".equals(event.details().get("operation")))
                        .target())
                .isEqualTo("api keys");
    }

    @Test
    void aKeyLivingLongerThanAllowedIsRefused() throws Exception {
        String before = graphql(ADMIN.key(), LIST).toString();

        JsonNode refused = graphql(
                ADMIN.key(),
                "mutation { createApiKey(input: {subject: \"forever\", expiresAt: "
                        + "\"2999-01-01T00:00:00Z\"}) { key } }");

        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.at("/errors/0/message").asString()).contains("security.api-key-max-lifetime");
        assertThat(graphql(ADMIN.key(), LIST).toString()).isEqualTo(before);
    }

    @Test
    void aConfiguredKeyCannotBeRevokedOverTheApi() throws Exception {
        JsonNode refused = graphql(ADMIN.key(), "mutation { revokeApiKey(id: \"" + READER.id() + "\") { id } }");

        assertThat(refused.at("/errors/0/message").asString()).contains("comes from configuration");
        assertThat(post("/graphql", READER.key(), "{\"query\":\"{ search { totalCount } }\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCatalogsOwnHttpPathAnswersForTheCallerNotForAnonymous() throws Exception {
        String list = GatewayCalls.JSON.writeValueAsString(Map.of("query", LIST));

        JsonNode asAdmin =
                GatewayCalls.tree(post("/catalog/graphql", ADMIN.key(), list).body());
        assertThat(asAdmin.at("/data/apiKeys").toString()).contains(READER.prefix());
        JsonNode asNobody =
                GatewayCalls.tree(post("/catalog/graphql", null, list).body());
        assertThat(asNobody.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void lineageCannotBeWrittenAnonymously() throws Exception {
        long before = reader().page(0, Set.of(), null, 1).cursor();

        HttpResponse<String> refused = post("/api/v1/lineage", null, "{\"eventType\": \"COMPLETE\"}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("/api/v1/lineage needs a credential");
        assertThat(gateway.awaitAudited(event -> event.kind() == AuditKind.AUTHENTICATION_FAILED
                        && event.target().equals("/api/v1/lineage")))
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("unknown");
                    assertThat(event.source()).isEqualTo("127.0.0.1");
                });
        assertThat(before).isNotNegative();
    }

    private static List<AuditEvent> audited(AuditKind kind, String target) {
        return gateway.audit().stream()
                .filter(event -> event.kind() == kind && event.target().equals(target))
                .toList();
    }

    private static AuditReader reader() {
        return gateway.bean(AuditReader.class);
    }

    private static String auditText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir.resolve("audit"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static JsonNode graphql(String key, String query) {
        return gateway.graphql(key, query);
    }

    private static HttpResponse<String> post(String path, String key, String body) {
        return gateway.post(path, key, body);
    }
}
