package io.meshcatalog.gateway.supergraph;

import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;

/**
 * Objects an {@code @interfaceObject} subgraph answered carry their interface's name as
 * {@code __typename} until a subgraph that implements the interface says which object they are;
 * when the operation needs no concrete type, none is asked, and the answer is shaped with the
 * interface's own fields.
 */
public final class InterfaceObjectValues {

    private InterfaceObjectValues() {}

    /**
     * The interface an object with this {@code __typename} stands for as a value of {@code fieldType}:
     * the interface named, when it is {@code fieldType} or one of its implementations; null otherwise.
     */
    public static @Nullable GraphQLInterfaceType standingFor(
            GraphQLSchema schema, @Nullable Object typename, GraphQLType fieldType) {
        if (typename instanceof String name
                && schema.getType(name) instanceof GraphQLInterfaceType named
                && fieldType instanceof GraphQLInterfaceType expected
                && (named == expected || named.getInterfaces().contains(expected))) {
            return named;
        }
        return null;
    }
}
