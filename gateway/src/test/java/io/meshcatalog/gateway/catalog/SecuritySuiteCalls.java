package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.support.CatalogGateway;
import io.meshcatalog.gateway.support.GatewayCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What {@link SecuritySuiteIT} sends and reads besides the gateway's GraphQL: bodies, subgraph calls, the audit log. */
final class SecuritySuiteCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SecuritySuiteCalls() {}

    /** A GraphQL request body. */
    static String body(String query) {
        return GatewayCalls.JSON.writeValueAsString(Map.of("query", query));
    }

    /** An OpenLineage run of the CRM team's job that fills the contacts' ids from the orders' customer ids. */
    static String ordersIntoContacts() {
        return """
        {"eventType": "COMPLETE", "eventTime": "2026-12-01T06:00:00Z", "producer": "https://example.com/etl",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "customers", "name": "contacts_from_orders"},
         "inputs": [{"namespace": "postgres://warehouse:5432", "name": "analytics.orders.orders"}],
         "outputs": [{"namespace": "customers", "name": "analytics.crm.contacts", "facets": {
           "columnLineage": {"fields": {"contact_id": {"inputFields": [{"namespace": "postgres://warehouse:5432",
             "name": "analytics.orders.orders", "field": "customer_id"}]}}}}}]}""".formatted(UUID.randomUUID());
    }

    /** POSTs a GraphQL body straight to a subgraph, as anyone who can reach its port could. */
    static HttpResponse<String> post(String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A secret that is not the gateway's: what a forger signs a {@code mesh-caller} assertion with. */
    static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** Every record of the gateway's audit log, oldest first. */
    static List<AuditEvent> audit(DemoMesh gateway) {
        return CatalogGateway.events(gateway.bean(AuditReader.class));
    }

    /** The last record after the first {@code skipped} that {@code wanted} accepts, waiting for it. */
    static AuditEvent awaitAudited(DemoMesh gateway, int skipped, Predicate<AuditEvent> wanted) {
        return CatalogGateway.awaitAudited(gateway.bean(AuditReader.class), skipped, wanted);
    }
}
