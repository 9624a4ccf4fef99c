package io.meshcatalog.gateway.completion;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's strategy against graphql-java's own, the reference: every response (data, errors, their paths, the
 * order of keys) is the same, and where resolvers returned plain maps it is made without running each field.
 */
class PlainCompletionStrategyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SDL = """
      scalar Instant
      enum Kind { DATASET CONSUMER }
      interface Node { id: ID! }
      type Dataset implements Node {
        id: ID! name: String! kind: Kind! tags: [String!]! degree: Int! at: Instant owner: Team health: String
      }
      type Consumer implements Node { id: ID! external: Boolean! }
      type Team { name: String! members: [Member!]! }
      type Member { username: String! role: String }
      type Report { nodes: [Dataset!]! all: [Node!]! truncated: Boolean! }
      type Query { report(broken: String): Report! team: Team }
      """;

    /** A team as a Java object, not a map: read by graphql-java's property fetcher, never copied. */
    public record Team(String name, List<Map<String, Object>> members) {}

    private final GraphQLSchema schema = schema();
    private final AtomicInteger teamLoads = new AtomicInteger();

    @Test
    void copiesLargePlainAnswersAsGraphqlJavaCompletesThem() {
        String query = """
        query ($deep: Boolean!, $no: Boolean = false) {
          report { truncated
            nodes { __typename id label: name kind tags degree at ...Members @include(if: $deep) name @skip(if: $no) }
            all { __typename id ... on Consumer { external } ... on Dataset { kind } } } }
        fragment Members on Dataset { tags }""";

        Run plain =
                run(new PlainCompletionStrategy(new SimpleDataFetcherExceptionHandler()), query, Map.of("deep", true));
        Run reference = run(null, query, Map.of("deep", true));

        assertThat(plain.json)
                .isEqualTo(reference.json)
                .contains("\"at\":\"2026-12-06T10:00:00Z\"", "\"kind\":\"DATASET\"");
        assertThat(plain.json).doesNotContain("errors");
        // the report's one resolver, against one per field of every node
        assertThat(plain.fields).isEqualTo(1);
        assertThat(reference.fields).isGreaterThan(1_000);
    }

    @Test
    void fieldsWithResolversAndDataLoadersAreStillGraphqlJavas() {
        String query =
                "{ report { nodes { id health owner { name members { username role } } } } team { name members { username } } }";

        Run plain = run(new PlainCompletionStrategy(new SimpleDataFetcherExceptionHandler()), query, Map.of());
        int plainLoads = teamLoads.getAndSet(0);
        Run reference = run(null, query, Map.of());

        assertThat(plain.json)
                .isEqualTo(reference.json)
                .contains("\"health\":\"ok d1\"", "\"owner\":{\"name\":\"team-1\"");
        assertThat(plainLoads)
                .as("one batch of owners, dispatched")
                .isEqualTo(teamLoads.get())
                .isEqualTo(1);
    }

    @Test
    void valuesThatNeedJudgementAreLeftToGraphqlJavaWithItsErrors() {
        for (String broken : List.of("null-name", "bad-kind", "bad-degree", "bad-at")) {
            String query = "query ($b: String) { report(broken: $b) { nodes { id name kind degree at } truncated } }";

            Run plain = run(
                    new PlainCompletionStrategy(new SimpleDataFetcherExceptionHandler()), query, Map.of("b", broken));
            Run reference = run(null, query, Map.of("b", broken));

            assertThat(plain.json).as(broken).isEqualTo(reference.json).contains("\"errors\"");
        }
    }

    private record Run(String json, int fields) {}

    private Run run(@Nullable PlainCompletionStrategy strategy, String query, Map<String, Object> variables) {
        AtomicInteger fields = new AtomicInteger();
        GraphQL.Builder builder = GraphQL.newGraphQL(schema).instrumentation(new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldExecution(
                    InstrumentationFieldParameters parameters, InstrumentationState state) {
                fields.incrementAndGet();
                return super.beginFieldExecution(parameters, state);
            }
        });
        if (strategy != null) {
            builder.queryExecutionStrategy(strategy);
        }
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        loaders.register("team", DataLoaderFactory.newDataLoader((List<String> ids) -> {
            teamLoads.incrementAndGet();
            List<Object> teams = new ArrayList<>();
            ids.forEach(id -> teams.add(Map.of("name", "team-" + id.substring(1), "members", List.of())));
            return CompletableFuture.completedFuture(teams);
        }));
        ExecutionResult result = builder.build()
                .execute(ExecutionInput.newExecutionInput(query)
                        .variables(variables)
                        .dataLoaderRegistry(loaders)
                        .build());
        return new Run(JSON.writeValueAsString(result.toSpecification()), fields.get());
    }

    private GraphQLSchema schema() {
        GraphQLScalarType instant = GraphQLScalarType.newScalar()
                .name("Instant")
                .coercing(new Coercing<Instant, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (!(value instanceof Instant at)) {
                            throw new graphql.schema.CoercingSerializeException("not an instant: " + value);
                        }
                        return at.toString();
                    }
                })
                .build();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(instant)
                .type(
                        "Query",
                        type -> type.dataFetcher("report", env -> report(env.getArgument("broken")))
                                .dataFetcher("team", env -> new Team("crm", List.of(Map.of("username", "ann")))))
                .type(
                        "Dataset",
                        type -> type.dataFetcher("health", env -> "ok " + ((Map<?, ?>) env.getSource()).get("id"))
                                .dataFetcher(
                                        "owner",
                                        env -> env.getDataLoader("team").load(((Map<?, ?>) env.getSource()).get("id"))))
                .type(
                        "Node",
                        type -> type.typeResolver(env -> env.getSchema()
                                .getObjectType((String) ((Map<?, ?>) env.getObject()).get("__typename"))))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    /** 500 datasets and 500 consumers, as a catalog resolver answers: maps of Java values. */
    private static Map<String, Object> report(@Nullable String broken) {
        List<Map<String, @Nullable Object>> nodes = new ArrayList<>();
        List<Map<String, @Nullable Object>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, @Nullable Object> dataset = new LinkedHashMap<>();
            dataset.put("__typename", "Dataset");
            dataset.put("id", "d" + i);
            dataset.put("name", i == 7 && "null-name".equals(broken) ? null : "orders " + i);
            dataset.put("kind", i == 7 && "bad-kind".equals(broken) ? "TABLE" : "DATASET");
            dataset.put("tags", List.of("t" + i % 3));
            long degree = i == 7 && "bad-degree".equals(broken) ? 1L << 40 : i % 10;
            dataset.put("degree", degree);
            dataset.put("at", i == 7 && "bad-at".equals(broken) ? "yesterday" : Instant.parse("2026-12-06T10:00:00Z"));
            nodes.add(dataset);
            all.add(dataset);
            Map<String, @Nullable Object> consumer = new HashMap<>();
            consumer.put("__typename", "Consumer");
            consumer.put("id", "c" + i);
            consumer.put("external", i % 2 == 0);
            all.add(consumer);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("nodes", nodes);
        report.put("all", all);
        report.put("truncated", false);
        return report;
    }
}
