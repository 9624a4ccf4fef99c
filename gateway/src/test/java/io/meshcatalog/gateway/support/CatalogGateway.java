package io.meshcatalog.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The gateway with its catalog (embedded Neo4j under a test's folder, its own audit log) and no domain subgraph,
 * started as an operator would with {@code args} (configured keys, for example), and called over real HTTP.
 */
public final class CatalogGateway implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final String base;

    private CatalogGateway(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts it with its graph in {@code dataDir/neo4j} and its audit log in {@code dataDir/audit}. */
    public static CatalogGateway start(Path dataDir, List<String> args) {
        List<String> all = new ArrayList<>(List.of(
                "--subgraphs=catalog=http://localhost/catalog/graphql",
                "--catalog.enabled=true",
                "--catalog.data-dir=" + dataDir.resolve("neo4j"),
                "--audit.dir=" + dataDir.resolve("audit"),
                "--server.port=0",
                "--catalog.harvest-interval=0",
                "--gateway.reload-interval=0"));
        all.addAll(args);
        return new CatalogGateway(new SpringApplication(GatewayApplication.class).run(all.toArray(String[]::new)));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return base;
    }

    /** Runs {@code query} on {@code /graphql} as the caller of {@code key} (anonymously when null); expects 200. */
    public JsonNode graphql(@Nullable String key, String query) {
        return graphql(key, query, Map.of());
    }

    /** Runs {@code query} with {@code variables}. */
    public JsonNode graphql(@Nullable String key, String query, Map<String, Object> variables) {
        HttpResponse<String> answer = post(
                "/graphql", key, GatewayCalls.JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return GatewayCalls.tree(answer.body());
    }

    public HttpResponse<String> post(String path, @Nullable String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
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

    /** A bean of the running gateway. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every record of the gateway's audit log, read as the reader pages it. */
    public List<AuditEvent> audit() {
        return events(bean(AuditReader.class));
    }

    /** Every record {@code reader} reads, oldest first, page after page. */
    public static List<AuditEvent> events(AuditReader reader) {
        List<AuditEvent> all = new ArrayList<>();
        AuditReader.Page page = reader.page(0, Set.of(), null, AuditReader.MAX_LIMIT);
        page.records().forEach(record -> all.add(record.event()));
        while (page.more()) {
            page = reader.page(page.cursor(), Set.of(), null, AuditReader.MAX_LIMIT);
            page.records().forEach(record -> all.add(record.event()));
        }
        return all;
    }

    /** The last record {@code wanted} accepts, waiting for it: refusals are recorded without their answer waiting. */
    public AuditEvent awaitAudited(Predicate<AuditEvent> wanted) {
        return awaitAudited(bean(AuditReader.class), 0, wanted);
    }

    /** The last record after the first {@code skipped} that {@code wanted} accepts, waiting up to ten seconds for it. */
    public static AuditEvent awaitAudited(AuditReader reader, int skipped, Predicate<AuditEvent> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<AuditEvent> all = events(reader);
            List<AuditEvent> recent = all.subList(Math.min(skipped, all.size()), all.size());
            List<AuditEvent> found = recent.stream().filter(wanted).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                assertThat(found)
                        .as("an audit record among the recent " + recent)
                        .isNotEmpty();
                return found.get(found.size() - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
