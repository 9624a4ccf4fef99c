package io.meshcatalog.subgraphs.kit.entities;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Catches what fails in {@code _entities} before any representation is looked at, such as a representation
 * that is a string rather than an object (the {@code _Any} scalar accepts both), and names the first such
 * representation instead of reporting a class cast as an internal error.
 */
public class EntitiesArgumentErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!"_entities".equals(env.getField().getName())) {
            return null;
        }
        Object representations = env.getArgument("representations");
        String problem = "every representation must be an object with __typename and the key fields";
        if (representations instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map)) {
                    problem = "representation " + i + ": expected an object with __typename and the key fields, not "
                            + list.get(i);
                    break;
                }
            }
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(problem)
                .build();
    }
}
