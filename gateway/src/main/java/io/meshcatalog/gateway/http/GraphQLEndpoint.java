package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.gateway.persisted.PersistedDocuments;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /graphql} (and {@code GET} for queries): GraphQL over HTTP with JSON in and out. A request
 * the gateway cannot read gets a 4xx naming what is wrong; a GraphQL error (validation, a failed
 * subgraph) is a 200 with {@code errors}, as GraphQL over HTTP has it for {@code application/json}. An operation may
 * be named by id instead of sent whole ({@link PersistedDocuments}).
 */
final class GraphQLEndpoint {

    static final String PATH = "/graphql";

    /** How a refusal of a persisted document is kept out of caches (Apollo Router's value). */
    static final String DO_NOT_CACHE = "private, no-cache, must-revalidate";

    private final Gateway gateway;
    private final PersistedDocuments persisted;
    private final String planHeader;
    private final JsonMapper json;

    GraphQLEndpoint(Gateway gateway, PersistedDocuments persisted, String planHeader, JsonMapper json) {
        this.gateway = gateway;
        this.persisted = persisted;
        this.planHeader = planHeader.toLowerCase(Locale.ROOT);
        this.json = json;
    }

    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        GraphQLParams params;
        try {
            params = call.method().equals("POST")
                    ? GraphQLParams.fromPost(call, json)
                    : GraphQLParams.fromGet(call, json);
        } catch (GraphQLParams.Refused e) {
            return CompletableFuture.completedFuture(HttpAnswer.error(e.status(), e.getMessage(), json));
        }
        PersistedDocuments.Outcome outcome = persisted.resolve(params.query(), params.extensions());
        if (outcome instanceof PersistedDocuments.Refused refused) {
            return CompletableFuture.completedFuture(HttpAnswer.json(
                            refused.status(),
                            Map.of(
                                    "errors",
                                    List.of(Map.of(
                                            "message",
                                            refused.message(),
                                            "extensions",
                                            Map.of("code", refused.code())))),
                            json)
                    .withHeader("Cache-Control", DO_NOT_CACHE));
        }
        String query = ((PersistedDocuments.Run) outcome).query();
        boolean wantsPlan = "true".equalsIgnoreCase(call.header(planHeader));
        if (wantsPlan && !mayReadPlans(call.caller())) {
            // a plan shows every subgraph, type and field an operation touches: the mesh's internals, for its engineers
            return CompletableFuture.completedFuture(HttpAnswer.error(
                    403,
                    "the query plan (" + planHeader + " header) is " + "for admins and domain members: "
                            + call.caller().name() + " has neither role; ask without the header",
                    json));
        }
        // GraphQL over HTTP: a GET runs queries only; the gateway decides on the operation it parses and selects.
        GatewayRequest request = new GatewayRequest(
                query,
                params.operationName(),
                params.variables(),
                call.context(),
                wantsPlan,
                call.method().equals("POST"),
                call.clientGone());
        return gateway.execute(request).thenApply(answer -> HttpAnswer.graphql(answer, json));
    }

    private static boolean mayReadPlans(Caller caller) {
        return caller.admin() || caller.roles().contains(Role.DOMAIN_MEMBER);
    }
}
