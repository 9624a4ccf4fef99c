package io.meshcatalog.gateway.support;

import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A federation v2 subgraph for tests, served over real HTTP on a random port: the schema comes
 * from a subgraph SDL, the data from a JSON fixture ({@code Query}, {@code Mutation} and
 * {@code entities} by type). {@code _entities} finds stored entities whose fields match the
 * representation; strings like {@code "{{weight}}"} are filled from the representation, which
 * proves that {@code @requires} fields arrived. Every request is recorded for assertions.
 */
public final class TestSubgraph implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([A-Za-z0-9_.]+)}}");
    private static final String PRELUDE = """
      scalar _Any
      scalar FieldSet
      scalar federation__FieldSet
      scalar link__Import
      directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
      directive @requires(fields: FieldSet!) on FIELD_DEFINITION
      directive @provides(fields: FieldSet!) on FIELD_DEFINITION
      directive @external(reason: String) on OBJECT | FIELD_DEFINITION
      directive @shareable repeatable on OBJECT | FIELD_DEFINITION
      directive @override(from: String!, label: String) on FIELD_DEFINITION
      directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
      directive @interfaceObject on OBJECT
      directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
      directive @extends on OBJECT | INTERFACE
      scalar ContextFieldValue
      directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION
      directive @fromContext(field: ContextFieldValue) on ARGUMENT_DEFINITION
      directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      directive @federation__policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      type _Service { sdl: String }
      """;

    private final String name;
    private final HttpServer server;
    private final List<Map<String, Object>> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean failing;
    private volatile @Nullable String rawResponse;
    private volatile long delayMillis;
    private volatile com.sun.net.httpserver.Headers lastHeaders = new com.sun.net.httpserver.Headers();

    private TestSubgraph(String name, GraphQL graphql, Map<String, Object> data) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/graphql", exchange -> {
            try (exchange) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body =
                        JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
                requests.add(body);
                lastHeaders = exchange.getRequestHeaders();
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                byte[] answer;
                int status = 200;
                if (failing) {
                    status = 500;
                    answer = "internal error".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } else if (rawResponse != null) {
                    answer = rawResponse.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> variables =
                            body.get("variables") == null ? Map.of() : (Map<String, Object>) body.get("variables");
                    ExecutionResult result =
                            graphql.execute(ExecutionInput.newExecutionInput((String) body.get("query"))
                                    .variables(variables)
                                    .root(data)
                                    .build());
                    answer = JSON.writeValueAsBytes(result.toSpecification());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Serves a subgraph SDL with fixture data (a JSON object, may be empty). */
    @SuppressWarnings("unchecked")
    public static TestSubgraph start(String name, String sdl, String dataJson) throws IOException {
        Map<String, Object> data = dataJson.isBlank() ? new LinkedHashMap<>() : JSON.readValue(dataJson, Map.class);
        return new TestSubgraph(name, schema(sdl, data), data);
    }

    /** Serves a subgraph of a golden case: {@code golden/<case>/subgraphs/<name>.graphqls} and its data. */
    public static TestSubgraph golden(String caseName, String name) {
        java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/golden", caseName, "subgraphs");
        try {
            java.nio.file.Path data = dir.resolve(name + ".json");
            return start(
                    name,
                    java.nio.file.Files.readString(dir.resolve(name + ".graphqls")),
                    java.nio.file.Files.exists(data) ? java.nio.file.Files.readString(data) : "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** Requests received so far: {@code query} and {@code variables}. */
    public List<Map<String, Object>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The headers of the last request. */
    public com.sun.net.httpserver.Headers lastHeaders() {
        return lastHeaders;
    }

    /** Answers HTTP 500 with a non-JSON body from now on. */
    public void fail() {
        failing = true;
    }

    /** Answers this body verbatim from now on. */
    public void answerRaw(String body) {
        rawResponse = body;
    }

    /** Answers from its data again, at once. */
    public void recover() {
        failing = false;
        rawResponse = null;
        delayMillis = 0;
    }

    /** Waits this long before answering. */
    public void delay(long millis) {
        delayMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) Objects.requireNonNull(server.getExecutor())).shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static GraphQL schema(String sdl, Map<String, Object> data) {
        Document document = Parser.parse(sdl);
        @SuppressWarnings("rawtypes")
        List<Definition> kept = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        boolean hasQuery = false;
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition object
                    && !(definition instanceof graphql.language.ObjectTypeExtensionDefinition)) {
                defined.add(object.getName());
            }
        }
        for (Definition<?> original : document.getDefinitions()) {
            Definition<?> definition = original;
            if (definition instanceof SchemaExtensionDefinition) {
                continue;
            }
            if (definition instanceof graphql.language.ObjectTypeExtensionDefinition extension
                    && defined.add(extension.getName())) {
                // Federation 1 subgraphs extend entities that no local definition declares.
                definition = ObjectTypeDefinition.newObjectTypeDefinition()
                        .name(extension.getName())
                        .implementz(extension.getImplements())
                        .directives(extension.getDirectives())
                        .fieldDefinitions(extension.getFieldDefinitions())
                        .build();
            }
            if (definition instanceof ObjectTypeDefinition object) {
                if (object.getName().equals("Query")) {
                    hasQuery = true;
                }
                if (object.getDirectives().stream().anyMatch(d -> d.getName().equals("key"))
                        && !entities.contains(object.getName())) {
                    entities.add(object.getName());
                }
            }
            kept.add(definition);
        }
        StringBuilder extra = new StringBuilder(PRELUDE);
        if (!hasQuery) {
            extra.append("type Query { _service: _Service! }\n");
        } else {
            extra.append("extend type Query { _service: _Service! }\n");
        }
        if (!entities.isEmpty()) {
            extra.append("union _Entity = ")
                    .append(String.join(" | ", entities))
                    .append('\n');
            extra.append("extend type Query { _entities(representations: [_Any!]!): [_Entity]! }\n");
        }
        TypeDefinitionRegistry registry = new SchemaParser()
                .buildRegistry(Document.newDocument().definitions(kept).build());
        registry.merge(new SchemaParser().parse(extra.toString()));
        Map<String, Object> entityStore = (Map<String, Object>) data.getOrDefault("entities", Map.of());
        DataFetcher<Object> entitiesFetcher = env -> {
            List<Map<String, Object>> representations = env.getArgument("representations");
            List<@Nullable Object> out = new ArrayList<>();
            for (Map<String, Object> representation : Objects.requireNonNull(representations)) {
                out.add(find(entityStore, representation));
            }
            return out;
        };
        DataFetcher<Object> serviceFetcher = env -> Map.of("sdl", sdl);
        DataFetcher<Object> byName = env -> {
            Object source = env.getSource();
            if (env.getParentType() instanceof GraphQLObjectType parent
                    && parent.getName().equals("Query")
                    && env.getField().getName().equals("_entities")) {
                return entitiesFetcher.get(env);
            }
            if (env.getField().getName().equals("_service")) {
                return serviceFetcher.get(env);
            }
            Object root = source;
            if (env.getParentType() instanceof GraphQLObjectType parent
                    && (parent.getName().equals("Query") || parent.getName().equals("Mutation"))) {
                root = ((Map<String, Object>) env.getRoot()).getOrDefault(parent.getName(), Map.of());
            }
            if (!(root instanceof Map<?, ?> map)) {
                return null;
            }
            Object value = map.get(env.getField().getName());
            // a value per argument value; nested, per value of each argument in turn
            while (value instanceof Map<?, ?> byArg && byArg.containsKey("$arg")) {
                Object argument = env.getArgument((String) byArg.get("$arg"));
                value = ((Map<String, Object>) byArg.get("values")).get(String.valueOf(argument));
            }
            if (value instanceof String text && text.contains("{{")) {
                return fill(text, (Map<String, Object>) map);
            }
            if (value instanceof String text && text.startsWith("$error:")) {
                throw new IllegalStateException(text.substring("$error:".length()));
            }
            return value;
        };
        TypeResolver byTypename = env -> env.getSchema()
                .getObjectType(String.valueOf(((Map<String, Object>) env.getObject()).get("__typename")));
        WiringFactory wiring = new WiringFactory() {
            @Override
            public boolean providesScalar(ScalarWiringEnvironment environment) {
                return !ScalarInfo.isGraphqlSpecifiedScalar(
                        environment.getScalarTypeDefinition().getName());
            }

            @Override
            public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
                return GraphQLScalarType.newScalar()
                        .name(environment.getScalarTypeDefinition().getName())
                        .coercing(new PassThroughCoercing())
                        .build();
            }

            @Override
            public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
                return true;
            }

            @Override
            public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
                return byTypename;
            }

            @Override
            public boolean providesTypeResolver(UnionWiringEnvironment environment) {
                return true;
            }

            @Override
            public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
                return byTypename;
            }

            @Override
            public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
                return byName;
            }
        };
        RuntimeWiring runtimeWiring =
                RuntimeWiring.newRuntimeWiring().wiringFactory(wiring).build();
        return GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(registry, runtimeWiring))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object find(Map<String, Object> store, Map<String, Object> representation) {
        Object typename = representation.get("__typename");
        List<Map<String, Object>> candidates =
                (List<Map<String, Object>>) store.getOrDefault(String.valueOf(typename), List.of());
        for (Map<String, Object> candidate : candidates) {
            int matched = 0;
            boolean conflict = false;
            for (Map.Entry<String, Object> entry : representation.entrySet()) {
                if (entry.getKey().equals("__typename") || !candidate.containsKey(entry.getKey())) {
                    continue;
                }
                if (Objects.equals(String.valueOf(candidate.get(entry.getKey())), String.valueOf(entry.getValue()))) {
                    matched++;
                } else {
                    conflict = true;
                }
            }
            if (matched > 0 && !conflict) {
                Map<String, Object> merged = new LinkedHashMap<>(representation);
                merged.putAll(candidate);
                merged.putIfAbsent("__typename", typename);
                return merged;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String fill(String template, Map<String, Object> source) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = source;
            for (String part : matcher.group(1).split("\\.")) {
                value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(part) : null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Names of the subgraphs, for messages. */
    public static String names(List<TestSubgraph> subgraphs) {
        return subgraphs.stream().map(TestSubgraph::name).collect(Collectors.joining(", "));
    }
}
