package io.meshcatalog.subgraphs.kit.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a POST to the GraphQL endpoint whose body is not JSON with 415 and a GraphQL error. Spring's functional
 * GraphQL route rejects such a request before any exception resolver runs, with an empty body that a gateway
 * cannot read as a GraphQL response.
 */
public class GraphQlContentTypeFilter extends OncePerRequestFilter {

    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    private final String graphQlPath;

    public GraphQlContentTypeFilter(String graphQlPath) {
        this.graphQlPath = graphQlPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !graphQlPath.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (isJson(contentType)) {
            chain.doFilter(request, response);
        } else {
            GraphQlErrorBody.write(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(),
                    "Content-Type '" + (contentType == null ? "" : contentType)
                            + "' is not supported; send application/json");
        }
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json")
                    || APPLICATION_GRAPHQL.isCompatibleWith(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
