package io.meshcatalog.subgraphs.kit.access;

import io.meshcatalog.graph.access.CallerAssertion;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/** Resolves each request's caller once, before execution, and puts it in the GraphQL context for the resolvers. */
public final class CallerInterceptor implements WebGraphQlInterceptor {

    private final CallerAssertions assertions;

    public CallerInterceptor(CallerAssertions assertions) {
        this.assertions = assertions;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        SubgraphCaller caller = assertions.resolve(request.getHeaders().getFirst(CallerAssertion.HEADER));
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(SubgraphCaller.class, caller)).build());
        return chain.next(request);
    }
}
