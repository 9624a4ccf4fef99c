package io.meshcatalog.subgraphs.kit.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Answers requests to the GraphQL endpoint that Spring rejects before GraphQL sees them (malformed JSON, a body
 * that is not a request object, no query) with their 4xx status and a GraphQL {@code errors} body, as the
 * GraphQL-over-HTTP specification asks, instead of Spring Boot's HTML or JSON error page that a gateway cannot
 * read as a GraphQL response.
 */
public class GraphQlRequestErrors implements HandlerExceptionResolver, Ordered {

    private final String graphQlPath;

    public GraphQlRequestErrors(String graphQlPath) {
        this.graphQlPath = graphQlPath;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!graphQlPath.equals(request.getRequestURI())) {
            return null;
        }
        String message;
        int status;
        if (ex instanceof HttpMessageNotReadableException) {
            message = ex.getCause() instanceof MismatchedInputException
                    ? "The request body must be a JSON object with a \"query\" string"
                    : "Malformed JSON request body";
            status = HttpStatus.BAD_REQUEST.value();
        } else if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            String detail = error.getBody().getDetail();
            message = detail != null ? detail : error.getStatusCode().toString();
            status = error.getStatusCode().value();
        } else {
            return null;
        }
        try {
            GraphQlErrorBody.write(response, status, message);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
