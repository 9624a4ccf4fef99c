package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.GraphQLParams;
import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /catalog/graphql}: the catalog subgraph over HTTP, for tools that compose or query
 * subgraphs themselves (rover, another gateway), under the rules of {@code /graphql}. The gateway itself calls it
 * in-process.
 */
class CatalogHttpEndpoint {

    static final String PATH = "/catalog/graphql";

    private final CatalogSubgraph catalog;
    private final JsonMapper json;

    CatalogHttpEndpoint(CatalogSubgraph catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        GraphQLParams params;
        try {
            params = GraphQLParams.fromPost(call, json);
        } catch (GraphQLParams.Refused e) {
            return CompletableFuture.completedFuture(HttpAnswer.error(e.status(), e.getMessage(), json));
        }
        String query = params.query();
        if (query == null) {
            // the gateway resolves persisted documents before it calls a subgraph; the catalog is sent whole documents
            return CompletableFuture.completedFuture(HttpAnswer.error(
                    400,
                    "the catalog subgraph runs documents sent as " + "\"query\", not persisted ones; send the document",
                    json));
        }
        return catalog.serve(query, params.operationName(), params.variables(), true, call.context())
                .thenApply(answer -> HttpAnswer.graphql(answer, json));
    }
}
