package io.meshcatalog.gateway.supergraph;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.DataFetcherResult;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactories;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
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
import graphql.schema.idl.errors.SchemaProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives the API schema from the supergraph: the supergraph minus the join and link machinery and
 * minus every {@code @inaccessible} element. It is executable over results the gateway already
 * fetched (every field reads its response key from a map, abstract types resolve by
 * {@code __typename}), so graphql-java both validates operations and shapes the final response:
 * null propagation, {@code @skip}/{@code @include}, fragments and introspection come for free.
 */
final class ApiSchemaBuilder {

    private static final List<String> MACHINERY_PREFIXES = List.of(
            "join__",
            "link__",
            "context__",
            "federation__",
            "requiresScopes__",
            "policy__",
            "cost__",
            "tag__",
            "inaccessible__",
            "authenticated__");
    private static final Set<String> MACHINERY_DIRECTIVES = Set.of(
            "link",
            "inaccessible",
            "tag",
            "authenticated",
            "requiresScopes",
            "policy",
            "cost",
            "listSize",
            "context",
            "fromContext",
            "core");

    private final Set<String> linkedDirectives;
    private final Set<String> linkedTypes;

    /** Leaves out the machinery and {@code @inaccessible} elements only. */
    ApiSchemaBuilder() {
        this(Set.of(), Set.of());
    }

    /**
     * Also leaves out machinery the supergraph's {@code @link}s name otherwise ({@code @authenticated} imported as
     * {@code @auth}): clients do not see authorization directives, as with Apollo's router.
     *
     * @param linkedDirectives directive names to leave out
     * @param linkedTypes type names to leave out
     */
    ApiSchemaBuilder(Set<String> linkedDirectives, Set<String> linkedTypes) {
        this.linkedDirectives = Set.copyOf(linkedDirectives);
        this.linkedTypes = Set.copyOf(linkedTypes);
    }

    /** Whether a type or directive name belongs to the federation machinery. */
    static boolean isMachinery(String name) {
        return MACHINERY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private boolean isMachineryDirective(String name) {
        return isMachinery(name) || MACHINERY_DIRECTIVES.contains(name) || linkedDirectives.contains(name);
    }

    GraphQLSchema build(Document supergraph) {
        Set<String> hidden = new HashSet<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof graphql.language.TypeDefinition<?> type
                    && (isMachinery(type.getName())
                            || linkedTypes.contains(type.getName())
                            || Directives.has(type, "inaccessible"))) {
                hidden.add(type.getName());
            }
        }
        @SuppressWarnings("rawtypes")
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            Definition<?> filtered = filter(definition, hidden);
            if (filtered != null) {
                kept.add(filtered);
            }
        }
        Document api = Document.newDocument().definitions(kept).build();
        try {
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(api);
            ResultWiring results = new ResultWiring(inaccessibleEnumValues(supergraph));
            // The default also serves fields of types outside the schema: interface-object stand-ins.
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                    .wiringFactory(results)
                    .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                            .defaultDataFetcher(DataFetcherFactories.useDataFetcher(results::byResponseKey)))
                    .build();
            return new SchemaGenerator().makeExecutableSchema(registry, wiring);
        } catch (SchemaProblem e) {
            throw new SupergraphException(
                    "the API schema derived from the supergraph is invalid: " + e.getMessage(), e);
        }
    }

    /** Per enum type, its {@code @inaccessible} values: a subgraph may still return them. */
    private static Map<String, Set<String>> inaccessibleEnumValues(Document supergraph) {
        Map<String, Set<String>> result = new HashMap<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof EnumTypeDefinition enumType) {
                for (graphql.language.EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                    if (Directives.has(value, "inaccessible")) {
                        result.computeIfAbsent(enumType.getName(), k -> new HashSet<>())
                                .add(value.getName());
                    }
                }
            }
        }
        return result;
    }

    private @Nullable Definition<?> filter(Definition<?> definition, Set<String> hidden) {
        if (definition instanceof DirectiveDefinition directive) {
            return isMachineryDirective(directive.getName()) ? null : directive;
        }
        if (definition instanceof SchemaDefinition schema) {
            return schema.transform(b -> b.directives(List.of()));
        }
        if (definition instanceof graphql.language.TypeDefinition<?> type && hidden.contains(type.getName())) {
            return null;
        }
        if (definition instanceof ObjectTypeDefinition object) {
            return object.transform(b -> b.directives(strip(object.getDirectives()))
                    .fieldDefinitions(fields(object.getFieldDefinitions(), hidden))
                    .implementz(interfaces(object.getImplements(), hidden)));
        }
        if (definition instanceof InterfaceTypeDefinition iface) {
            return iface.transform(b -> b.directives(strip(iface.getDirectives()))
                    .definitions(fields(iface.getFieldDefinitions(), hidden))
                    .implementz(interfaces(iface.getImplements(), hidden)));
        }
        if (definition instanceof UnionTypeDefinition union) {
            return union.transform(b ->
                    b.directives(strip(union.getDirectives())).memberTypes(interfaces(union.getMemberTypes(), hidden)));
        }
        if (definition instanceof EnumTypeDefinition enumType) {
            return enumType.transform(b -> b.directives(strip(enumType.getDirectives()))
                    .enumValueDefinitions(enumType.getEnumValueDefinitions().stream()
                            .filter(v -> !Directives.has(v, "inaccessible"))
                            .map(v -> v.transform(vb -> vb.directives(strip(v.getDirectives()))))
                            .toList()));
        }
        if (definition instanceof InputObjectTypeDefinition input) {
            return input.transform(b -> b.directives(strip(input.getDirectives()))
                    .inputValueDefinitions(inputValues(input.getInputValueDefinitions())));
        }
        if (definition instanceof ScalarTypeDefinition scalar) {
            return scalar.transform(b -> b.directives(strip(scalar.getDirectives())));
        }
        return definition;
    }

    private List<FieldDefinition> fields(List<FieldDefinition> fields, Set<String> hidden) {
        return fields.stream()
                .filter(f -> !Directives.has(f, "inaccessible") && !hidden.contains(namedType(f.getType())))
                .map(f -> f.transform(b -> b.directives(strip(f.getDirectives()))
                        .inputValueDefinitions(inputValues(f.getInputValueDefinitions()))))
                .toList();
    }

    private List<InputValueDefinition> inputValues(List<InputValueDefinition> values) {
        return values.stream()
                .filter(v -> !Directives.has(v, "inaccessible"))
                .map(v -> v.transform(b -> b.directives(strip(v.getDirectives()))))
                .toList();
    }

    @SuppressWarnings("rawtypes")
    private static List<Type> interfaces(List<Type> types, Set<String> hidden) {
        return types.stream()
                .filter(t -> !hidden.contains(((TypeName) t).getName()))
                .toList();
    }

    private List<Directive> strip(List<Directive> directives) {
        return directives.stream()
                .filter(d -> !isMachineryDirective(d.getName()))
                .toList();
    }

    private static String namedType(Type<?> type) {
        if (type instanceof TypeName name) {
            return name.getName();
        }
        if (type instanceof graphql.language.ListType list) {
            return namedType(list.getType());
        }
        return namedType(((graphql.language.NonNullType) type).getType());
    }

    /** Reads fetched results: field values by response key, concrete types by {@code __typename}. */
    private static final class ResultWiring implements WiringFactory {

        private final Map<String, Set<String>> inaccessibleEnumValues;

        ResultWiring(Map<String, Set<String>> inaccessibleEnumValues) {
            this.inaccessibleEnumValues = inaccessibleEnumValues;
        }

        private @Nullable Object byResponseKey(graphql.schema.DataFetchingEnvironment env) {
            Object source = env.getSource();
            Object value =
                    source instanceof Map<?, ?> map ? map.get(env.getField().getResultKey()) : null;
            if (value != null
                    && GraphQLTypeUtil.unwrapAll(env.getFieldType()) instanceof GraphQLEnumType enumType
                    && inaccessibleEnumValues.containsKey(enumType.getName())) {
                // An @inaccessible value is not part of the API: it reads as null, as if the field had no value.
                return withoutValues(value, inaccessibleEnumValues.get(enumType.getName()));
            }
            if (value == null
                    || !(GraphQLTypeUtil.unwrapAll(env.getFieldType()) instanceof GraphQLNamedOutputType named)
                    || !(named instanceof graphql.schema.GraphQLInterfaceType
                            || named instanceof graphql.schema.GraphQLUnionType)) {
                return value;
            }
            // A concrete type the API does not know (inaccessible, or a subgraph bug) nulls that object only.
            List<graphql.GraphQLError> errors = new ArrayList<>();
            Object cleaned = keepKnownTypes(value, named, errors, env);
            return errors.isEmpty()
                    ? value
                    : DataFetcherResult.newResult().data(cleaned).errors(errors).build();
        }

        private static @Nullable Object withoutValues(@Nullable Object value, Set<String> hiddenValues) {
            if (value instanceof List<?> list) {
                List<@Nullable Object> out = new ArrayList<>();
                list.forEach(item -> out.add(withoutValues(item, hiddenValues)));
                return out;
            }
            return value instanceof String name && hiddenValues.contains(name) ? null : value;
        }

        private static @Nullable Object keepKnownTypes(
                @Nullable Object value,
                GraphQLNamedOutputType abstractType,
                List<graphql.GraphQLError> errors,
                graphql.schema.DataFetchingEnvironment env) {
            if (value instanceof List<?> list) {
                List<@Nullable Object> out = new ArrayList<>();
                list.forEach(item -> out.add(keepKnownTypes(item, abstractType, errors, env)));
                return out;
            }
            Object typename = value instanceof Map<?, ?> map ? map.get("__typename") : null;
            GraphQLObjectType concrete = typename instanceof String name
                            && env.getGraphQLSchema().getType(name) instanceof GraphQLObjectType object
                    ? object
                    : null;
            if (value instanceof Map<?, ?>
                    && (concrete == null || !env.getGraphQLSchema().isPossibleType(abstractType, concrete))
                    && InterfaceObjectValues.standingFor(env.getGraphQLSchema(), typename, abstractType) == null) {
                errors.add(graphql.GraphqlErrorBuilder.newError(env)
                        .message("a subgraph returned an object of type " + typename + ", which is not a possible "
                                + "type of " + GraphQLTypeUtil.simplePrint(env.getFieldType()))
                        .build());
                return null;
            }
            return value;
        }

        private static final TypeResolver BY_TYPENAME = env -> {
            Object source = env.getObject();
            Object typename = source instanceof Map<?, ?> map ? map.get("__typename") : null;
            GraphQLObjectType type =
                    typename instanceof String name && env.getSchema().getType(name) instanceof GraphQLObjectType object
                            ? object
                            : null;
            if (type == null) {
                throw new IllegalStateException(
                        "cannot resolve the concrete type of " + env.getFieldType() + " from __typename " + typename);
            }
            return type;
        };

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(
                    environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar()
                    .name(environment.getScalarTypeDefinition().getName())
                    .definition(environment.getScalarTypeDefinition())
                    .coercing(new PassThrough())
                    .build();
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            return this::byResponseKey;
        }
    }

    /** Custom scalars are opaque to the gateway: subgraphs own their coercion. */
    private static final class PassThrough implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables.toMap());
        }

        private static @Nullable Object literal(Value<?> value, Map<String, Object> variables) {
            if (value instanceof graphql.language.StringValue v) {
                return v.getValue();
            }
            if (value instanceof graphql.language.IntValue v) {
                return v.getValue();
            }
            if (value instanceof graphql.language.FloatValue v) {
                return v.getValue();
            }
            if (value instanceof graphql.language.BooleanValue v) {
                return v.isValue();
            }
            if (value instanceof graphql.language.EnumValue v) {
                return v.getName();
            }
            if (value instanceof graphql.language.VariableReference v) {
                return variables.get(v.getName());
            }
            if (value instanceof graphql.language.ArrayValue v) {
                List<@Nullable Object> list = new ArrayList<>();
                v.getValues().forEach(item -> list.add(literal(item, variables)));
                return list;
            }
            if (value instanceof graphql.language.ObjectValue v) {
                Map<String, @Nullable Object> map = new java.util.LinkedHashMap<>();
                v.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
                return map;
            }
            return null;
        }
    }
}
