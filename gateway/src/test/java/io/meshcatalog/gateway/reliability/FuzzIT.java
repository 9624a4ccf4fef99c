package io.meshcatalog.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.meshcatalog.gateway.security.ApiKeyFormat;
import io.meshcatalog.gateway.support.CatalogGateway;
import io.meshcatalog.gateway.support.ConfiguredKeys;
import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fuzz suite: generated GraphQL documents (from the served API schema, by {@link GeneratedDocuments}) and
 * OpenLineage events ({@link GeneratedEvents}) sent over real HTTP to the gateway with its catalog. The property: a
 * 2xx, or a 4xx whose body says why; never a 5xx, never more than {@link #BOUND} per request; the gateway healthy
 * after. {@code mvn verify} sends {@link #TRIES} of each; {@code -Dfuzz.tries=10000} runs the long suite, and
 * {@code -Dfuzz.seed=<seed>} repeats a run (each run prints its seed, and a failure names the request's seed). Every
 * run prints what it saw: statuses, the slowest request, heap after GC before and after.
 */
class FuzzIT {

    /** The longest any request may take. */
    static final Duration BOUND = Duration.ofSeconds(10);
    /** Requests of each kind per run. */
    static final int TRIES = Integer.getInteger("fuzz.tries", 80);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ApiKeyFormat.NewKey ETL = ApiKeyFormat.generate(new SecureRandom());
    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final Map<String, Map<Integer, Integer>> STATUSES = new TreeMap<>();
    private static final Map<String, String> SLOWEST = new TreeMap<>();

    private static CatalogGateway gateway;
    private static GraphQLSchema schema;
    private static String base;
    private static long heapBefore;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("fuzz-it");
        List<String> args =
                new ArrayList<>(ConfiguredKeys.args(0, ETL, "fuzz-etl", "DOMAIN_MEMBER", "growth-team", "2099-01-01"));
        args.add("--security.api-keys[0].namespaces=" + GeneratedEvents.NAMESPACE);
        // the fuzz measures what each request does, not the per-caller rate limit (PlainGatewayIT tests that)
        args.add("--gateway.rate-limit.requests=0");
        args.add("--gateway.rate-limit.cost=0");
        gateway = CatalogGateway.start(dir, args);
        base = gateway.baseUrl();
        LineageStore store = gateway.bean(LineageStore.class);
        try (InputStream in = FuzzIT.class.getResourceAsStream("/harvest/customers.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            store.upsert(new DescriptorLoader().load("customers.yaml", yaml), yaml);
        }
        JsonNode introspection = gateway.graphql(null, IntrospectionQuery.INTROSPECTION_QUERY);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = GatewayCalls.JSON.convertValue(introspection.get("data"), Map.class);
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().buildRegistry(new IntrospectionResultToSchema().createSchemaDefinition(data)));
        heapBefore = heapAfterGc();
    }

    @AfterAll
    static void stop() {
        long heapAfter = heapAfterGc();
        System.out.printf(
                "FuzzIT (seed %d, %d tries each): statuses %s, slowest %s, heap after GC %d MB before, %d MB "
                        + "after%n",
                SEED, TRIES, STATUSES, SLOWEST, heapBefore >> 20, heapAfter >> 20);
        gateway.close();
    }

    @Test
    void anyDocumentIsAnsweredWithoutA5xxAndSaysWhyItIsRefused() throws Exception {
        Random seeds = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            GeneratedDocuments.Request request = GeneratedDocuments.generate(schema, seed);
            String body = GatewayCalls.JSON.writeValueAsString(
                    Map.of("query", request.query(), "variables", request.variables()));
            HttpResponse<String> answer = send(
                    "graphql",
                    seed,
                    body,
                    HttpRequest.newBuilder(URI.create(base + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertAnswered(answer, seed, body);
            if (answer.statusCode() == 200) {
                JsonNode json = GatewayCalls.tree(answer.body());
                assertThat(json.has("data") || json.has("errors"))
                        .as("seed %d: %s", seed, answer.body())
                        .isTrue();
            }
        }
        assertHealthy();
    }

    @Test
    void anyLineageEventIsAnsweredWithoutA5xxAndSaysWhyItIsRefused() throws Exception {
        Random seeds = new Random(SEED + 1);
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            String event = GeneratedEvents.generate(seed);
            HttpResponse<String> answer = send(
                    "lineage",
                    seed,
                    event,
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/lineage"))
                            .header("Content-Type", "application/json")
                            .header("X-Api-Key", ETL.key())
                            .POST(HttpRequest.BodyPublishers.ofString(event)));
            assertAnswered(answer, seed, event);
        }
        assertHealthy();
    }

    private static void assertHealthy() {
        JsonNode answer = gateway.graphql(null, "{ search(first: 1) { totalCount } }");
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        assertThat(answer.at("/data/search/totalCount").isInt()).isTrue();
    }

    private static HttpResponse<String> send(String kind, long seed, String body, HttpRequest.Builder request)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(request.timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(kind, k -> new TreeMap<>()).merge(answer.statusCode(), 1, Integer::sum);
            String slowest = SLOWEST.get(kind);
            if (slowest == null || Long.parseLong(slowest.substring(0, slowest.indexOf(' '))) < millis) {
                SLOWEST.put(
                        kind,
                        millis + " ms (seed " + seed + ": " + body.substring(0, Math.min(300, body.length())) + ")");
            }
        }
        return answer;
    }

    /** A 2xx, or a 4xx whose body says why; never a 5xx. */
    private static void assertAnswered(HttpResponse<String> answer, long seed, String request) {
        String excerpt = request.length() > 2_000 ? request.substring(0, 2_000) + "…" : request;
        assertThat(answer.statusCode())
                .as("seed %d, request %s, answer %s", seed, excerpt, answer.body())
                .isBetween(200, 499);
        if (answer.statusCode() >= 400) {
            JsonNode body = GatewayCalls.tree(answer.body());
            assertThat(body.path("errors").isEmpty() && body.path("message").isMissingNode())
                    .as("seed %d: the %d says why: %s", seed, answer.statusCode(), answer.body())
                    .isFalse();
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
