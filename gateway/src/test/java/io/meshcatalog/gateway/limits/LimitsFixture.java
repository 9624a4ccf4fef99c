package io.meshcatalog.gateway.limits;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;

/** A small schema for the limits' tests: lists, recursion, an interface, a mutation. */
public final class LimitsFixture {

    static final String SDL = """
      type Query {
        product(id: ID): Product
        products(first: Int): [Product]
        node(id: ID!): Node
        team(name: String!): Team
      }
      type Mutation { rename(id: ID!, name: String!): Product }
      interface Node { id: ID! }
      type Product implements Node {
        id: ID!
        name: String
        related: [Product]
        owner: Team
      }
      type Team implements Node { id: ID! name: String members: [String] products: [Product] }
      """;

    static final GraphQLSchema SCHEMA = schema(SDL);

    private LimitsFixture() {}

    static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.MOCKED_WIRING);
    }

    /** The measures of a document's only operation over the fixture schema, with no cost directives. */
    static OperationMeasures measure(String query) {
        return measure(SCHEMA, CostModel.NONE, query, Map.of());
    }

    static OperationMeasures measure(
            GraphQLSchema schema, CostModel costs, String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        return new OperationMeasurer(schema, costs, 10)
                .measure(
                        document,
                        document.getDefinitionsOfType(graphql.language.OperationDefinition.class)
                                .get(0),
                        variables);
    }

    /**
     * The document: fragments that each spread the next one twice, {@code levels} times, {@code 2^levels}
     * leaf spreads of {@code { id name }} under {@code products}.
     */
    public static String exponentialFragments(int levels) {
        return exponentialFragments(levels, "products", "Product", "id name");
    }

    /** The same document over any schema: {@code { <field> { ...F0 } }}, fragments on {@code type}. */
    public static String exponentialFragments(int levels, String field, String type, String leaves) {
        StringBuilder query = new StringBuilder("{ " + field + " { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            query.append("fragment F")
                    .append(i)
                    .append(" on ")
                    .append(type)
                    .append(" { ...F")
                    .append(i + 1)
                    .append(" ...F")
                    .append(i + 1)
                    .append(" }\n");
        }
        return query.append("fragment F")
                .append(levels)
                .append(" on ")
                .append(type)
                .append(" { ")
                .append(leaves)
                .append(" }\n")
                .toString();
    }
}
