package io.meshcatalog.gateway.execution;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import io.meshcatalog.gateway.supergraph.InterfaceObjectValues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shapes merged subgraph results over the API schema as graphql-java's default strategy does, with
 * one addition: an object an {@code @interfaceObject} subgraph answered whose concrete type the
 * operation did not need (see {@link InterfaceObjectValues}), of an interface that may have no
 * implementation at all, is completed as an object of the interface's own fields instead of failing
 * type resolution.
 */
final class ShapingStrategy extends AsyncExecutionStrategy {

    private final Map<String, GraphQLObjectType> standIns = new ConcurrentHashMap<>();

    @Override
    protected GraphQLObjectType resolveType(
            ExecutionContext context, ExecutionStrategyParameters parameters, GraphQLType fieldType) {
        Object typename = parameters.getSource() instanceof Map<?, ?> object ? object.get("__typename") : null;
        GraphQLInterfaceType standingFor =
                InterfaceObjectValues.standingFor(context.getGraphQLSchema(), typename, fieldType);
        if (standingFor == null) {
            return super.resolveType(context, parameters, fieldType);
        }
        return standIns.computeIfAbsent(
                standingFor.getName(),
                name -> GraphQLObjectType.newObject()
                        .name(name)
                        .fields(standingFor.getFieldDefinitions())
                        .build());
    }
}
