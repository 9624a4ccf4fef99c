package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.audit.AuditRecord;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeRef;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lineage intake over real HTTP against the gateway with its catalog. Who may write: authenticated callers only, in
 * the namespaces their key names, and into a catalog dataset only for its owning team; each refusal stores nothing
 * and is in the audit log, each stored event is in it before its 201. Exactly once: a retried event is acknowledged
 * again and stored once. Bounded: what an event may carry is refused beyond its setting, naming it. Batches (a JSON
 * array, or NDJSON): each event stored or refused on its own, each one's outcome reported in order.
 */
class OpenLineageAccessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ApiKeyFormat.NewKey GROWTH_ETL = ApiKeyFormat.generate(RANDOM);
    private static final ApiKeyFormat.NewKey CRM_ETL = ApiKeyFormat.generate(RANDOM);
    /** The CRM product's contacts table, by its physical name, as a warehouse job names it. */
    private static final String CONTACTS = "analytics.crm.contacts";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext context;
    private static String base;
    private static LineageStore store;

    @BeforeAll
    static void start() throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--subgraphs=catalog=http://localhost/catalog/graphql",
                "--catalog.enabled=true",
                "--catalog.data-dir=" + dataDir.resolve("neo4j"),
                "--audit.dir=" + dataDir.resolve("audit"),
                "--server.port=0",
                "--catalog.harvest-interval=0",
                "--gateway.reload-interval=0",
                "--catalog.openlineage.max-input-fields=5",
                "--catalog.openlineage.max-batch-events=5"));
        args.addAll(ConfiguredKeys.args(0, GROWTH_ETL, "growth-etl", "DOMAIN_MEMBER", "growth-team", "2099-01-01"));
        args.add("--security.api-keys[0].namespaces=growth-etl");
        args.addAll(ConfiguredKeys.args(1, CRM_ETL, "crm-etl", "DOMAIN_MEMBER", "crm-team", "2099-01-01"));
        args.add("--security.api-keys[1].namespaces=crm-etl");
        context = new SpringApplication(GatewayApplication.class).run(args.toArray(String[]::new));
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        store = context.getBean(LineageStore.class);
        try (InputStream in = OpenLineageAccessIT.class.getResourceAsStream("/harvest/customers.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            store.upsert(new DescriptorLoader().load("customers.yaml", yaml), yaml);
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aJobInItsOwnNamespaceReadingACatalogDatasetIsStoredAndAudited() throws Exception {
        HttpResponse<String> stored =
                post(GROWTH_ETL, event("growth-etl", "audience_build", CONTACTS, "growth-etl", "audiences/leads"));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/leads"))
                .isPresent();
        assertThat(audited(AuditKind.LINEAGE_INGESTED, "growth-etl/audience_build"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("growth-etl");
                    assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
                });
    }

    @Test
    void aJobInAnotherTeamsNamespaceIsRefusedAndStoresNothing() throws Exception {
        HttpResponse<String> refused =
                post(GROWTH_ETL, event("crm-etl", "contacts_export", CONTACTS, "crm-etl", "exports/contacts"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("growth-etl may not write lineage in namespace crm-etl")
                .contains("its credential's namespaces: growth-etl")
                .contains("nothing was stored");
        assertThat(store.dataset(Viewer.EVERYTHING, "crm-etl/exports/contacts")).isEmpty();
        assertThat(awaitDenied("crm-etl/contacts_export")).isNotNull();
    }

    @Test
    void writingIntoAnotherTeamsCatalogDatasetIsRefusedAndTheOfficialImpactIsUnchanged() throws Exception {
        int before = impactSize();

        HttpResponse<String> refused = post(
                GROWTH_ETL, event("growth-etl", "overwrite_contacts", "growth-etl/raw_leads", "growth-etl", CONTACTS));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("catalog dataset customers.contacts, which team crm-team owns");
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/raw_leads")).isEmpty();
        assertThat(impactSize()).isEqualTo(before);
        assertThat(awaitDenied("growth-etl/overwrite_contacts")).isNotNull();

        HttpResponse<String> byOwners =
                post(CRM_ETL, event("crm-etl", "contacts_load", "crm-etl/crm_raw", "crm-etl", CONTACTS));
        assertThat(byOwners.statusCode()).as(byOwners.body()).isEqualTo(201);
        assertThat(byOwners.body()).contains("\"matchedCatalogDatasets\":[\"customers.contacts\"]");
    }

    @Test
    void anonymousLineageIsRefusedBeforeItIsRead() throws Exception {
        int before = impactSize();

        HttpResponse<String> refused = post(null, event("anywhere", "sink", CONTACTS, "anywhere", "sink"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(impactSize()).isEqualTo(before);
    }

    @Test
    void aRetriedEventIsAcknowledgedAgainAndStoredOnce() throws Exception {
        String body = event("growth-etl", "retried_job", CONTACTS, "growth-etl", "audiences/retried");

        HttpResponse<String> first = post(GROWTH_ETL, body);
        HttpResponse<String> again = post(GROWTH_ETL, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"duplicate\":false");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.body()).contains("\"duplicate\":true").contains("growth-etl/audiences/retried");
        assertThat(audited(AuditKind.LINEAGE_INGESTED, "growth-etl/retried_job"))
                .extracting(event -> event.details().get("duplicate"))
                .containsExactlyInAnyOrder(false, true);
    }

    @Test
    void anIdempotencyKeyMakesTwoSendsOneEvent() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        HttpResponse<String> first = post(
                GROWTH_ETL, event("growth-etl", "keyed_job", CONTACTS, "growth-etl", "keyed"), "Idempotency-Key", key);
        // a new run id, as a client that rebuilds the event on retry sends it
        HttpResponse<String> again = post(
                GROWTH_ETL, event("growth-etl", "keyed_job", CONTACTS, "growth-etl", "keyed"), "Idempotency-Key", key);

        assertThat(first.body()).contains("\"duplicate\":false");
        assertThat(again.body()).contains("\"duplicate\":true");
        HttpResponse<String> tooLong = post(
                GROWTH_ETL,
                event("growth-etl", "keyed_job", CONTACTS, "growth-etl", "keyed"),
                "Idempotency-Key",
                "k".repeat(256));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Idempotency-Key header must be 1 to 255 printable characters");
    }

    @Test
    void aNameThatCouldNotBeAskedForIsRefusedWhereItIs() throws Exception {
        HttpResponse<String> refused =
                post(GROWTH_ETL, event("growth-etl", "bell_job", CONTACTS, "growth-etl", "audiences/\\u0007bell"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("/outputs/0/name: contains the control character U+0007 at index 10");
        assertThat(audited(AuditKind.LINEAGE_INGESTED, "growth-etl/bell_job")).isEmpty();
    }

    @Test
    void columnSourcesBeyondTheSettingAreRefusedNamingIt() throws Exception {
        String sources = String.join(
                ",",
                java.util.Collections.nCopies(
                        6, "{\"namespace\": \"warehouse\", \"name\": \"" + CONTACTS + "\", \"field\": \"email\"}"));
        String body = event("growth-etl", "wide_job", CONTACTS, "growth-etl", "audiences/wide")
                .replace(
                        "\"name\": \"audiences/wide\"}",
                        "\"name\": \"audiences/wide\", \"facets\": {\"columnLineage\": {\"fields\": "
                                + "{\"contact\": {\"inputFields\": [" + sources + "]}}}}}");

        HttpResponse<String> refused = post(GROWTH_ETL, body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("6 column sources so far; at most 5 (catalog.openlineage.max-input-fields)");
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/wide"))
                .isEmpty();
    }

    @Test
    void anEventTimeWithoutAnOffsetIsTakenAsUtc() throws Exception {
        HttpResponse<String> stored = post(
                GROWTH_ETL,
                event("growth-etl", "local_time_job", CONTACTS, "growth-etl", "audiences/local")
                        .replace("2026-12-01T06:00:00Z", "2026-12-01T06:00:00"));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    @Test
    void aBatchStoresEachEventOnItsOwnAndSaysWhatBecameOfEach() throws Exception {
        String first = event("growth-etl", "batch_job", CONTACTS, "growth-etl", "audiences/batch_one");
        String invalid = event("growth-etl", "batch_job", CONTACTS, "growth-etl", "audiences/batch_bad")
                .replaceFirst("\"runId\": \"[^\"]*\"", "\"runId\": \"not-a-uuid\"");
        String outside = event("crm-etl", "batch_export", CONTACTS, "crm-etl", "exports/batch");
        String second = event("growth-etl", "batch_job", CONTACTS, "growth-etl", "audiences/batch_two");

        HttpResponse<String> answer =
                post(GROWTH_ETL, "[" + String.join(",", first, invalid, outside, first, second) + "]");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode body = new tools.jackson.databind.ObjectMapper().readTree(answer.body());
        assertThat(body.path("events").asInt()).isEqualTo(5);
        assertThat(body.path("stored").asInt()).isEqualTo(2);
        assertThat(body.path("duplicate").asInt()).isEqualTo(1);
        assertThat(body.path("invalid").asInt()).isEqualTo(1);
        assertThat(body.path("refused").asInt()).isEqualTo(1);
        List<Integer> statuses = new ArrayList<>();
        body.path("outcomes")
                .forEach(outcome -> statuses.add(outcome.path("status").asInt()));
        assertThat(statuses).containsExactly(201, 400, 403, 201, 201);
        assertThat(body.at("/outcomes/1/errors/0").asString())
                .isEqualTo("/run/runId: expected a UUID, found 'not-a-uuid'");
        assertThat(body.at("/outcomes/2/errors/0/message").asString())
                .contains("growth-etl may not write lineage in namespace crm-etl");
        assertThat(body.at("/outcomes/3/duplicate").asBoolean()).isTrue();
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/batch_one"))
                .isPresent();
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/batch_two"))
                .isPresent();
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/batch_bad"))
                .isEmpty();
        assertThat(store.dataset(Viewer.EVERYTHING, "crm-etl/exports/batch")).isEmpty();
        assertThat(audited(AuditKind.LINEAGE_INGESTED, "growth-etl/batch_job")).hasSize(3);
        assertThat(awaitDenied("crm-etl/batch_export")).isNotNull();
    }

    @Test
    void anNdjsonBatchSentTwiceWithItsKeyIsStoredOnce() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String lines = event("growth-etl", "lines_job", CONTACTS, "growth-etl", "audiences/line_one")
                        .replace("\n", " ")
                + "\n\n"
                + event("growth-etl", "lines_job", CONTACTS, "growth-etl", "audiences/line_two")
                        .replace("\n", " ")
                + "\n";

        DistributionSummary transactions = Metrics.globalRegistry.summary("meshcatalog.openlineage.transaction.events");
        long before = transactions.count();
        double eventsBefore = transactions.totalAmount();
        HttpResponse<String> first =
                post(GROWTH_ETL, lines, "Content-Type", "application/x-ndjson", "Idempotency-Key", key);
        assertThat(transactions.count() - before)
                .as("the request's events in one transaction")
                .isEqualTo(1);
        assertThat(transactions.totalAmount() - eventsBefore).isEqualTo(2.0);
        // rebuilt on retry: new run ids, the same key
        HttpResponse<String> again = post(
                GROWTH_ETL,
                lines.replaceAll("\"runId\": \"[^\"]*\"", "\"runId\": \"" + java.util.UUID.randomUUID() + "\""),
                "Content-Type",
                "application/x-ndjson",
                "Idempotency-Key",
                key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"events\":2,\"stored\":2");
        assertThat(again.body()).contains("\"events\":2,\"duplicate\":2");
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/line_two"))
                .isPresent();
    }

    @Test
    void aBatchBeyondTheSettingIsRefusedWholeNamingIt() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event("growth-etl", "big_batch", CONTACTS, "growth-etl", "audiences/big_" + i));
        }

        HttpResponse<String> refused = post(GROWTH_ETL, "[" + String.join(",", events) + "]");
        HttpResponse<String> empty = post(GROWTH_ETL, " []");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("6 events; at most 5 (catalog.openlineage.max-batch-events) per request");
        assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/big_0"))
                .isEmpty();
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("no events");
    }

    private static int impactSize() {
        return store.impact(Viewer.EVERYTHING, NodeRef.product("customers.contacts"), null)
                .nodes()
                .size();
    }

    /** A COMPLETE run of job {@code namespace/name} reading {@code input} and writing {@code output}. */
    private static String event(String jobNamespace, String job, String input, String outputNamespace, String output) {
        String[] in = input.contains("/") ? input.split("/", 2) : new String[] {"warehouse", input};
        return """
        {"eventType": "COMPLETE", "eventTime": "2026-12-01T06:00:00Z",
         "producer": "https://example.com/etl", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "%s", "name": "%s"},
         "inputs": [{"namespace": "%s", "name": "%s"}],
         "outputs": [{"namespace": "%s", "name": "%s"}]}""".formatted(java.util.UUID.randomUUID(), jobNamespace, job, in[0], in[1], outputNamespace, output);
    }

    private static List<AuditEvent> audited(AuditKind kind, String target) {
        AuditReader reader = context.getBean(AuditReader.class);
        return reader.page(0, Set.of(kind), null, AuditReader.MAX_LIMIT).records().stream()
                .map(AuditRecord::event)
                .filter(event -> event.target().equals(target))
                .toList();
    }

    /** Refusals are recorded without making their answer wait. */
    private static AuditEvent awaitDenied(String target) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<AuditEvent> denied = audited(AuditKind.ACCESS_DENIED, target);
            if (!denied.isEmpty()) {
                return denied.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ACCESS_DENIED record for " + target);
    }

    private static HttpResponse<String> post(ApiKeyFormat.@Nullable NewKey key, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/lineage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        if (key != null) {
            request.header("X-Api-Key", key.key());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
