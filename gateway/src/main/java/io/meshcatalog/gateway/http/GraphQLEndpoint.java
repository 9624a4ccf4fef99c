package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /graphql} (and {@code GET} for queries): GraphQL over HTTP with JSON in and out. A request
 * the gateway cannot read gets a 4xx naming what is wrong; a GraphQL error (validation, a failed
 * subgraph) is a 200 with {@code errors}, as GraphQL over HTTP has it for {@code application/json}.
 */
final class GraphQLEndpoint {

  static final String PATH = "/graphql";

  private final Gateway gateway;
  private final String planHeader;
  private final JsonMapper json;

  GraphQLEndpoint(Gateway gateway, String planHeader, JsonMapper json) {
    this.gateway = gateway;
    this.planHeader = planHeader.toLowerCase(Locale.ROOT);
    this.json = json;
  }

  CompletableFuture<HttpAnswer> handle(HttpCall call) {
    GraphQLParams params;
    try {
      params = call.method().equals("POST") ? GraphQLParams.fromPost(call, json) : GraphQLParams.fromGet(call, json);
    } catch (GraphQLParams.Refused e) {
      return CompletableFuture.completedFuture(HttpAnswer.error(e.status(), e.getMessage(), json));
    }
    if (call.method().equals("GET") && params.query().stripLeading().startsWith("mutation")) {
      // GraphQL over HTTP: GET is for queries only
      return CompletableFuture.completedFuture(HttpAnswer.error(405, "mutations must be sent with POST", json)
          .withHeader("Allow", "POST"));
    }
    boolean wantsPlan = "true".equalsIgnoreCase(call.header(planHeader));
    if (wantsPlan && !mayReadPlans(call.caller())) {
      // a plan shows every subgraph, type and field an operation touches: the mesh's internals, for its engineers
      return CompletableFuture.completedFuture(HttpAnswer.error(403, "the query plan (" + planHeader + " header) is "
          + "for admins and domain members: " + call.caller().name() + " has neither role; ask without the header",
          json));
    }
    GatewayRequest request = new GatewayRequest(params.query(), params.operationName(), params.variables(),
        call.context(), wantsPlan);
    return gateway.execute(request).thenApply(answer -> HttpAnswer.json(200, answer, json));
  }

  private static boolean mayReadPlans(Caller caller) {
    return caller.admin() || caller.roles().contains(Role.DOMAIN_MEMBER);
  }
}
