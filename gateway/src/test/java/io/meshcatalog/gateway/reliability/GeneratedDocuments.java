package io.meshcatalog.gateway.reliability;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL requests made from a schema by a random walk: root fields (aliased or not), arguments of their types and
 * sometimes of the wrong type, inline values or variables, nested selections, inline and named fragments,
 * {@code @skip}/{@code @include}; some are then damaged character by character. Most are valid, many are not, and
 * each is one a client could send.
 */
final class GeneratedDocuments {

    /** A request body: the document and its variables. */
    record Request(String query, Map<String, @Nullable Object> variables) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Strings a hostile or careless client sends: ids, injections, control characters, long ones. */
    private static final List<String> STRINGS = List.of(
            "",
            " ",
            "orders",
            "orders.orders",
            "orders.orders.shipped_on",
            "customers.contacts",
            "s3://lake/x",
            "'; MATCH (n) DETACH DELETE n //",
            "\") { x } #",
            "{{visible-node n}}",
            "\u0000",
            "line\nbreak",
            "emoji 🦄",
            "ÄÖÜ",
            "x".repeat(5_000),
            "$where",
            "../../etc/passwd",
            "null");

    private final GraphQLSchema schema;
    private final Random random;
    private final StringBuilder fragments = new StringBuilder();
    private final StringBuilder declarations = new StringBuilder();
    private final Map<String, @Nullable Object> variables = new LinkedHashMap<>();
    private int names;

    private GeneratedDocuments(GraphQLSchema schema, Random random) {
        this.schema = schema;
        this.random = random;
    }

    /** One request, from {@code seed}. */
    static Request generate(GraphQLSchema schema, long seed) {
        return new GeneratedDocuments(schema, new Random(seed)).request();
    }

    private Request request() {
        boolean mutation = schema.getMutationType() != null && random.nextInt(10) == 0;
        GraphQLObjectType root = mutation ? schema.getMutationType() : schema.getQueryType();
        StringBuilder selection = new StringBuilder();
        int fields = 1 + random.nextInt(3);
        for (int i = 0; i < fields; i++) {
            selection.append(field(root, 0)).append(' ');
        }
        String operation = (mutation ? "mutation" : "query") + " Fuzz"
                + (declarations.length() == 0 ? "" : "(" + declarations + ")") + " { " + selection + "}";
        String query = operation + fragments;
        if (random.nextInt(5) == 0) {
            query = damaged(query);
        }
        return new Request(query, variables);
    }

    private String field(GraphQLFieldsContainer parent, int depth) {
        List<GraphQLFieldDefinition> all = parent.getFieldDefinitions();
        GraphQLFieldDefinition field = all.get(random.nextInt(all.size()));
        StringBuilder out = new StringBuilder();
        if (random.nextInt(5) == 0) {
            out.append('a').append(names++).append(": ");
        }
        out.append(field.getName()).append(arguments(field.getArguments()));
        directive(out);
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        if (!(type instanceof GraphQLScalarType) && !(type instanceof GraphQLEnumType)) {
            out.append(" { ")
                    .append(selection((GraphQLOutputType) type, depth + 1))
                    .append('}');
        }
        return out.toString();
    }

    private String selection(GraphQLOutputType type, int depth) {
        if (depth > 6 || random.nextInt(8) == 0) {
            return "__typename ";
        }
        if (type instanceof GraphQLUnionType union) {
            StringBuilder out = new StringBuilder("__typename ");
            for (GraphQLNamedType member : union.getTypes()) {
                if (random.nextBoolean()) {
                    out.append("... on ")
                            .append(member.getName())
                            .append(" { ")
                            .append(selection((GraphQLOutputType) member, depth))
                            .append("} ");
                }
            }
            return out.toString();
        }
        GraphQLFieldsContainer container = (GraphQLFieldsContainer) type;
        StringBuilder fields = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            fields.append(field(container, depth)).append(' ');
        }
        if (random.nextInt(6) == 0) {
            String name = "F" + names++;
            fragments
                    .append(" fragment ")
                    .append(name)
                    .append(" on ")
                    .append(container.getName())
                    .append(" { ")
                    .append(fields)
                    .append('}');
            return "..." + name + " ";
        }
        if (random.nextInt(8) == 0) {
            return "... on " + container.getName() + " { " + fields + "} ";
        }
        return fields.toString();
    }

    private void directive(StringBuilder out) {
        if (random.nextInt(8) != 0) {
            return;
        }
        out.append(random.nextBoolean() ? " @skip(if: " : " @include(if: ");
        if (random.nextBoolean()) {
            String name = "b" + names++;
            declarations.append('$').append(name).append(": Boolean! ");
            variables.put(name, random.nextInt(5) == 0 ? "yes" : random.nextBoolean());
            out.append('$').append(name).append(')');
        } else {
            out.append(random.nextBoolean()).append(')');
        }
    }

    private String arguments(List<GraphQLArgument> arguments) {
        List<String> given = new ArrayList<>();
        for (GraphQLArgument argument : arguments) {
            boolean required = argument.getType() instanceof GraphQLNonNull;
            if (!required && random.nextInt(3) != 0) {
                continue;
            }
            if (random.nextInt(6) == 0) {
                String name = "v" + names++;
                declarations
                        .append('$')
                        .append(name)
                        .append(": ")
                        .append(GraphQLTypeUtil.simplePrint(argument.getType()))
                        .append(' ');
                variables.put(name, jsonValue(argument.getType(), 0));
                given.add(argument.getName() + ": $" + name);
            } else {
                given.add(argument.getName() + ": " + literal(argument.getType(), 0));
            }
        }
        return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
    }

    /** A GraphQL literal of {@code type}, or now and then of another type. */
    private String literal(GraphQLInputType type, int depth) {
        if (random.nextInt(12) == 0) {
            return List.of("null", "42", "\"wrong\"", "[1, 2]", "{a: 1}", "ENUM_VALUE", "-1e400")
                    .get(random.nextInt(7));
        }
        GraphQLInputType bare = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(literal((GraphQLInputType) list.getWrappedType(), depth + 1));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (bare instanceof GraphQLInputObjectType object) {
            List<String> fields = new ArrayList<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (depth < 3 && (field.getType() instanceof GraphQLNonNull || random.nextBoolean())) {
                    fields.add(field.getName() + ": " + literal(field.getType(), depth + 1));
                }
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return JSON.writeValueAsString(scalar(bare));
    }

    /** A JSON value for a variable of {@code type}, or now and then of another type. */
    private @Nullable Object jsonValue(GraphQLInputType type, int depth) {
        if (random.nextInt(12) == 0) {
            return List.of("wrong", 42, List.of(1, 2), Map.of("a", 1)).get(random.nextInt(4));
        }
        GraphQLInputType bare = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            List<@Nullable Object> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(jsonValue((GraphQLInputType) list.getWrappedType(), depth + 1));
            }
            return items;
        }
        if (bare instanceof GraphQLInputObjectType object) {
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (depth < 3 && (field.getType() instanceof GraphQLNonNull || random.nextBoolean())) {
                    fields.put(field.getName(), jsonValue(field.getType(), depth + 1));
                }
            }
            return fields;
        }
        return scalar(bare);
    }

    private Object scalar(GraphQLInputType type) {
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues()
                    .get(random.nextInt(enumType.getValues().size()))
                    .getName();
        }
        String name = ((GraphQLNamedType) type).getName();
        return switch (name) {
            case "Int" ->
                List.of(0, 1, -1, 5, 100, 101, Integer.MAX_VALUE, Integer.MIN_VALUE)
                        .get(random.nextInt(8));
            case "Float" -> List.of(0.0, -1.5, 1e300).get(random.nextInt(3));
            case "Boolean" -> random.nextBoolean();
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    /** The document with a few characters deleted, repeated or replaced by ones that matter to a parser. */
    private String damaged(String query) {
        StringBuilder out = new StringBuilder(query);
        for (int edits = 1 + random.nextInt(3); edits > 0 && out.length() > 1; edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(40))));
                case 2 -> out.insert(at, "{}()[]\"$@#!:.,\\".charAt(random.nextInt(15)));
                default -> out.setCharAt(at, (char) random.nextInt(0x80));
            }
        }
        return out.toString();
    }
}
