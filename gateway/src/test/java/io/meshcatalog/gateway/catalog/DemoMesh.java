package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.GatewayApplication;
import io.meshcatalog.gateway.demo.DemoLauncher;
import io.meshcatalog.gateway.demo.DemoSubgraphs;
import io.meshcatalog.gateway.graphiql.SavedQuery;
import io.meshcatalog.gateway.reliability.GatewayProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo mesh as {@code --demo} runs it (domain subgraphs jar as a child process, embedded Neo4j,
 * the gateway with its catalog) on free ports and a fresh graph, with helpers to call it over HTTP, anonymously or
 * as one of the demo's personas (README.md, "Personas").
 */
final class DemoMesh implements AutoCloseable {

    /** The demo admin persona's key (README.md, "Personas"): the plan header and writes need a credential. */
    static final String ADMIN_KEY = "mck_demoadmin1_c4eea10b307e1fbf252a0a4a2a14fb7cf288b0332d1a0144c55835172b59fdcf";
    /** The analyst: a reader of no team, who sees public and internal products. */
    static final String ANALYST_KEY = "mck_demoanalst_62193f64b72f9d498bbf22aeaf501afc193b21acb97b599e6618c00db6a5bd4b";
    /** The orders engineer: a domain member of orders-team. */
    static final String ORDERS_KEY = "mck_demoorders_334499800818b9c5ef03e641088de68bb42368ce7bb355e3f7634463138c3d79";
    /** The marketing engineer: a domain member of growth-team. */
    static final String MARKETING_KEY =
            "mck_demomarket_487b19caa951707fd5ac1c84a5198c346f9ebc9047ee260d07d67aa706eea9b9";
    /** The CRM engineer: a domain member of crm-team, which owns the private customers.contacts. */
    static final String CRM_KEY = "mck_democrmeng_af225ab08e0106ec9c4823273508c4adccf2211c30cacde3b1849fc7a052cba0";

    /** The saved queries, which every demo test may run as they name ({@link SavedQuery}). */
    static final Path QUERIES = Path.of("..", "queries");

    static final Path SUBGRAPHS_JAR = Path.of("..", "domain-subgraphs", "mesh", "target", "domain-subgraphs.jar");

    /** How many keys the demo personas take. */
    static final int PERSONA_KEYS = 5;

    private final ConfigurableApplicationContext context;
    private final int subgraphsBase;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    final String base;

    /** @param subgraphsBase the demo subgraphs' first port; -1 without them */
    private DemoMesh(ConfigurableApplicationContext context, int subgraphsBase) {
        this.context = context;
        this.subgraphsBase = subgraphsBase;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static DemoMesh start(Path dataDir, String... extraArgs) {
        int subgraphsBase = fiveFreePorts();
        List<String> args = new ArrayList<>(List.of(
                "--demo",
                "--demo.subgraphs-jar=" + SUBGRAPHS_JAR,
                "--demo.base-port=" + subgraphsBase,
                "--server.port=0",
                "--catalog.data-dir=" + dataDir,
                "--audit.dir=" + dataDir.resolveSibling("audit"),
                "--catalog.harvest-interval=0",
                "--gateway.reload-interval=0"));
        args.addAll(List.of(extraArgs));
        return new DemoMesh(DemoLauncher.run(GatewayApplication.class, args.toArray(String[]::new)), subgraphsBase);
    }

    /**
     * The demo personas' keys as command-line arguments ({@code security.api-keys[0..4]}), for a test that configures
     * keys of its own from index {@link #PERSONA_KEYS} on: Spring Boot takes a list from one source only, so keys on
     * the command line would otherwise replace the personas'.
     */
    static List<String> personaArgs() {
        Properties personas = new Properties();
        try (InputStream in = DemoMesh.class.getResourceAsStream("/demo/personas.properties")) {
            personas.load(java.util.Objects.requireNonNull(in, "demo/personas.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return personas.stringPropertyNames().stream()
                .sorted()
                .map(name -> "--" + name + "=" + personas.getProperty(name))
                .toList();
    }

    /**
     * The catalog alone over the graph a demo mesh left in {@code dataDir}, as after a restart while every domain
     * subgraph is down: it harvests nothing and answers from what it stored. The demo's personas are on, as in the
     * demo.
     */
    static DemoMesh catalogOnly(Path dataDir) {
        return withCatalog(dataDir, "--subgraphs=catalog=http://localhost/catalog/graphql");
    }

    /** A gateway with its catalog over {@code dataDir} and the demo's personas, started with {@code args} more. */
    static DemoMesh withCatalog(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--catalog.enabled=true",
                "--catalog.data-dir=" + dataDir,
                "--audit.dir=" + dataDir.resolveSibling("audit"),
                "--server.port=0",
                "--catalog.harvest-interval=0",
                "--gateway.reload-interval=0",
                "--spring.config.import=classpath:demo/personas.properties"));
        all.addAll(List.of(args));
        return new DemoMesh(SpringApplication.run(GatewayApplication.class, all.toArray(String[]::new)), -1);
    }

    /** POSTs a GraphQL operation to the gateway anonymously and answers the parsed response. */
    Map<String, Object> graphql(String query) {
        return graphql(query, Map.of());
    }

    /** POSTs a GraphQL operation as the persona of {@code key}. */
    Map<String, Object> graphqlAs(String key, String query) {
        return graphql(query, Map.of("X-Api-Key", key));
    }

    /** POSTs a GraphQL operation with {@code headers} (a saved query's, for example). */
    Map<String, Object> graphql(String query, Map<String, String> headers) {
        HttpRequest.Builder request = request("/graphql", json.writeValueAsString(Map.of("query", query)));
        headers.forEach(request::header);
        return json.readValue(send(request.build()).body(), mapType());
    }

    /** Like {@link #graphql}, asking for the plan too: it comes back in {@code extensions.queryPlan}. */
    Map<String, Object> graphqlWithPlan(String query) {
        return graphqlWithPlan(ADMIN_KEY, query);
    }

    /** Like {@link #graphqlWithPlan(String)}, as the persona of {@code key} (an admin or a domain member). */
    Map<String, Object> graphqlWithPlan(String key, String query) {
        return graphql(query, Map.of("X-Mesh-Plan", "true", "X-Api-Key", key));
    }

    /** Runs the saved query {@code file} of {@code queries/} as it names: with its headers, or anonymously. */
    Map<String, Object> saved(String file) {
        SavedQuery saved = SavedQuery.parse(file, read(QUERIES.resolve(file)));
        return graphql(saved.query(), saved.headers());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path, body).build());
    }

    /** POSTs with an API key. */
    HttpResponse<String> postAs(String key, String path, String body) {
        return send(request(path, body).header("X-Api-Key", key).build());
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** POSTs a body of this content type (none when null), with more headers as name, value pairs. */
    HttpResponse<String> post(String path, @Nullable String contentType, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** GETs, with headers as name, value pairs. */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** GETs with an API key. */
    HttpResponse<String> getAs(String key, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Api-Key", key)
                .GET()
                .build());
    }

    /** The URL the gateway calls the demo subgraph of {@code domain} at. */
    String subgraphUrl(String domain) {
        for (String entry : property("subgraphs").split(",")) {
            if (entry.startsWith(domain + "=")) {
                return entry.substring(domain.length() + 1);
            }
        }
        throw new IllegalArgumentException("no demo subgraph " + domain);
    }

    /** A setting of the running gateway (the demo's own, such as the caller assertion's secret, included). */
    String property(String name) {
        return java.util.Objects.requireNonNull(context.getEnvironment().getProperty(name), name);
    }

    /** A bean of the running gateway, to read what a test cannot ask over HTTP. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    /** What the demo team of {@code domain} received at its webhook, its domain subgraph's notification inbox. */
    List<Object> inbox(String domain) {
        if (subgraphsBase < 0) {
            throw new IllegalStateException("this gateway runs without the demo subgraphs");
        }
        URI uri = URI.create(
                "http://127.0.0.1:" + (subgraphsBase + DemoSubgraphs.DOMAINS.indexOf(domain)) + "/notifications");
        try {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            List<?> received = json.readValue(response.body(), List.class);
            return new ArrayList<Object>(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int fiveFreePorts() {
        return GatewayProcess.freePorts(5);
    }

    /**
     * The first of five consecutive free ports for the demo's subgraphs, none of them {@code gatewayPort}: a gateway's
     * port is free until the gateway binds it, so five chosen after it could take it (a gateway then fails to start).
     */
    static int fiveFreePortsBeside(int gatewayPort) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = fiveFreePorts();
            if (gatewayPort < base || gatewayPort >= base + 5) {
                return base;
            }
        }
        throw new IllegalStateException("no five free ports found beside port " + gatewayPort);
    }

    /** Reads a value with a SpEL expression over maps and lists, for example {@code search.edges.![node.id]}. */
    static Object value(Map<String, Object> root, String expression) {
        StandardEvaluationContext context = new StandardEvaluationContext(root);
        context.addPropertyAccessor(new MapAccessor());
        return new SpelExpressionParser().parseExpression(expression).getValue(context);
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Map<String, Object> root, String expression) {
        return (List<Object>) value(root, expression);
    }

    @Override
    public void close() {
        context.close();
    }
}
