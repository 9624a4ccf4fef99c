package io.meshcatalog.gateway.catalog;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.meshcatalog.gateway.execution.Incidents;
import io.meshcatalog.gateway.security.ForbiddenException;
import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.lineage.CatalogConflictException;
import io.meshcatalog.graph.lineage.UnknownAccessRequestException;
import io.meshcatalog.graph.lineage.UnknownNodeException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns resolver failures into GraphQL errors a client can act on: {@code extensions.code} says
 * what kind of problem it is, the message names the argument or the node, and the path says where.
 * Unexpected failures are logged in full and answered without internals.
 */
final class CatalogErrors implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogErrors.class);

    /** The codes clients may switch on. */
    enum Code implements ErrorClassification {
        NOT_FOUND,
        BAD_USER_INPUT,
        CONFLICT,
        FORBIDDEN,
        SERVICE_UNAVAILABLE,
        INTERNAL_SERVER_ERROR
    }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        Code code = classify(failure);
        String message = switch (code) {
            case INTERNAL_SERVER_ERROR ->
                Incidents.told(
                        "the catalog could not answer " + parameters.getPath(),
                        Incidents.logged(LOG, "Catalog resolver failed at " + parameters.getPath(), failure));
            case SERVICE_UNAVAILABLE ->
                "the catalog's store is unavailable or busy, so " + parameters.getPath()
                        + " could not be answered; try again shortly (the rest of the response is unaffected)";
            default -> failure.getMessage();
        };
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message == null ? code.name() : message)
                .path(parameters.getPath())
                .location(parameters.getSourceLocation())
                .errorType(code)
                .extensions(Map.of("code", code.name()))
                .build();
        return CompletableFuture.completedFuture(
                DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    static Code classify(Throwable failure) {
        if (failure instanceof ForbiddenException) {
            return Code.FORBIDDEN;
        }
        if (failure instanceof UnknownNodeException
                || failure instanceof NotDeclaredException
                || failure instanceof NoSuchElementException
                || failure instanceof UnknownAccessRequestException) {
            return Code.NOT_FOUND;
        }
        if (failure instanceof CatalogConflictException || failure instanceof ConflictException) {
            return Code.CONFLICT;
        }
        if (failure instanceof IllegalArgumentException || failure instanceof DescriptorException) {
            return Code.BAD_USER_INPUT;
        }
        if (failure instanceof RetryableException) {
            return Code.SERVICE_UNAVAILABLE;
        }
        return Code.INTERNAL_SERVER_ERROR;
    }
}
