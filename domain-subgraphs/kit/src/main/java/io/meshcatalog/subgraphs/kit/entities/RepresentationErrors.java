package io.meshcatalog.subgraphs.kit.entities;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.federation.RepresentationNotResolvedException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * What {@code _entities} says about representations it cannot resolve. Spring GraphQL reports an unresolved
 * representation as an internal error and an unknown {@code __typename} as "No entity fetcher"; a caller, often a
 * gateway written by another team, needs to know which representation was wrong and why, and that an id this
 * subgraph does not know is simply null.
 */
@ControllerAdvice
public class RepresentationErrors {

    /** An id this subgraph does not know: null at its index, and no error. */
    @GraphQlExceptionHandler
    public List<GraphQLError> notResolved(RepresentationNotResolvedException ex) {
        return List.of();
    }

    @GraphQlExceptionHandler
    public GraphQLError unusable(RepresentationException ex, DataFetchingEnvironment env) {
        Map<String, Object> representation = ex.getRepresentation();
        Object typename = representation == null ? null : representation.get("__typename");
        String problem = typename == null
                ? "missing __typename"
                : "unknown __typename '" + typename + "'; this subgraph resolves DataProduct and Dataset";
        return badRequest(env, problem);
    }

    @GraphQlExceptionHandler
    public GraphQLError badKey(BadRepresentationException ex, DataFetchingEnvironment env) {
        return badRequest(env, ex.getMessage());
    }

    private static GraphQLError badRequest(DataFetchingEnvironment env, String problem) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        String at = path.isListSegment() ? "representation " + path.getSegmentIndex() : "representation";
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(at + ": " + problem)
                .build();
    }
}
