package io.meshcatalog.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.NettySubgraphClient;
import io.meshcatalog.gateway.execution.NettyTransport;
import io.meshcatalog.gateway.execution.RequestContext;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs operations on a gateway and reads responses as JSON trees for comparison. */
public final class GatewayCalls {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Event loops shared by the test JVM's subgraph clients (daemon threads: they end with it). */
    private static final NettyTransport TRANSPORT = NettyTransport.create(2);

    private GatewayCalls() {}

    /** A subgraph client over HTTP, as the application makes one. */
    public static NettySubgraphClient httpClient() {
        return new NettySubgraphClient(TRANSPORT, JSON, NettySubgraphClient.Options.DEFAULTS);
    }

    /** Runs an operation with the plan included in the response. */
    public static Map<String, Object> run(Gateway gateway, String query, Map<String, @Nullable Object> variables) {
        return run(gateway, query, variables, RequestContext.anonymous());
    }

    /** Runs an operation for a caller, with the plan included in the response. */
    public static Map<String, Object> run(
            Gateway gateway, String query, Map<String, @Nullable Object> variables, RequestContext context) {
        try {
            return gateway.execute(new GatewayRequest(query, null, variables, context, true))
                    .get(30, TimeUnit.SECONDS)
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The call was refused before anything ran: {@code status}, an error whose message says {@code reason}, no
     * {@code data}, and a challenge with a 401.
     */
    public static void assertRefused(HttpResponse<String> answer, int status, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode body = tree(answer.body());
        assertThat(body.at("/errors/0/message").asString()).contains(reason);
        assertThat(body.has("data")).as("nothing ran").isFalse();
        if (status == 401) {
            assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    /** A JSON text as a tree. */
    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** A response as a tree, without extensions. */
    public static JsonNode tree(Map<String, Object> response) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(response);
        copy.remove("extensions");
        return JSON.readTree(JSON.writeValueAsString(copy));
    }

    /** Pretty JSON for files and diffs. */
    public static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    /** The printed plan a response carries. */
    @SuppressWarnings("unchecked")
    public static String plan(Map<String, Object> response) {
        Object extensions = response.get("extensions");
        return extensions instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("queryPlan")) : "";
    }
}
