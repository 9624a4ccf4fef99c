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
 * Who may write lineage, over real HTTP against the gateway with its catalog: authenticated callers only, in the
 * namespaces their key names, and into a catalog dataset only for its owning team. Each refusal stores nothing and
 * is in the audit log; each stored event is in it before its 201.
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
    List<String> args = new ArrayList<>(List.of("--subgraphs=catalog=http://localhost/catalog/graphql",
        "--catalog.enabled=true", "--catalog.data-dir=" + dataDir.resolve("neo4j"),
        "--audit.dir=" + dataDir.resolve("audit"), "--server.port=0", "--catalog.harvest-interval=0",
        "--gateway.reload-interval=0"));
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
    HttpResponse<String> stored = post(GROWTH_ETL, event("growth-etl", "audience_build", CONTACTS, "growth-etl",
        "audiences/leads"));

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/audiences/leads")).isPresent();
    assertThat(audited(AuditKind.LINEAGE_INGESTED, "growth-etl/audience_build")).singleElement()
        .satisfies(event -> {
          assertThat(event.actor()).isEqualTo("growth-etl");
          assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
        });
  }

  @Test
  void aJobInAnotherTeamsNamespaceIsRefusedAndStoresNothing() throws Exception {
    HttpResponse<String> refused = post(GROWTH_ETL, event("crm-etl", "contacts_export", CONTACTS, "crm-etl",
        "exports/contacts"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("growth-etl may not write lineage in namespace crm-etl")
        .contains("its credential's namespaces: growth-etl").contains("nothing was stored");
    assertThat(store.dataset(Viewer.EVERYTHING, "crm-etl/exports/contacts")).isEmpty();
    assertThat(awaitDenied("crm-etl/contacts_export")).isNotNull();
  }

  @Test
  void writingIntoAnotherTeamsCatalogDatasetIsRefusedAndTheOfficialImpactIsUnchanged() throws Exception {
    int before = impactSize();

    HttpResponse<String> refused = post(GROWTH_ETL, event("growth-etl", "overwrite_contacts", "growth-etl/raw_leads",
        "growth-etl", CONTACTS));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("catalog dataset customers.contacts, which team crm-team owns");
    assertThat(store.dataset(Viewer.EVERYTHING, "growth-etl/raw_leads")).isEmpty();
    assertThat(impactSize()).isEqualTo(before);
    assertThat(awaitDenied("growth-etl/overwrite_contacts")).isNotNull();

    HttpResponse<String> byOwners = post(CRM_ETL, event("crm-etl", "contacts_load", "crm-etl/crm_raw", "crm-etl",
        CONTACTS));
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

  private static int impactSize() {
    return store.impact(Viewer.EVERYTHING, NodeRef.product("customers.contacts"), null).nodes().size();
  }

  /** A COMPLETE run of job {@code namespace/name} reading {@code input} and writing {@code output}. */
  private static String event(String jobNamespace, String job, String input, String outputNamespace, String output) {
    String[] in = input.contains("/") ? input.split("/", 2) : new String[] {"warehouse", input};
    return """
        {"eventType": "COMPLETE", "eventTime": "2026-12-01T06:00:00Z",
         "producer": "https://example.com/etl", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "%s", "name": "%s"},
         "inputs": [{"namespace": "%s", "name": "%s"}],
         "outputs": [{"namespace": "%s", "name": "%s"}]}"""
        .formatted(java.util.UUID.randomUUID(), jobNamespace, job, in[0], in[1], outputNamespace, output);
  }

  private static List<AuditEvent> audited(AuditKind kind, String target) {
    AuditReader reader = context.getBean(AuditReader.class);
    return reader.page(0, Set.of(kind), null, AuditReader.MAX_LIMIT).records().stream().map(AuditRecord::event)
        .filter(event -> event.target().equals(target)).toList();
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

  private static HttpResponse<String> post(ApiKeyFormat.@Nullable NewKey key, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/lineage"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Api-Key", key.key());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
