package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo Router's CSRF rule: a request runs on {@code /graphql} or a route that is not a GET only when a browser would
 * have preflighted it (a content type a page cannot send unasked, or a required header).
 */
class CsrfCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpRoute GRAPHQL = route(GraphQLEndpoint.PATH, Set.of("GET", "POST"));
    private static final HttpRoute LINEAGE = route("/api/v1/lineage", Set.of("POST"));
    private static final HttpRoute HEALTH = route("/health", Set.of("GET"));

    private final CsrfCheck check = new CsrfCheck(CsrfCheck.DEFAULT_REQUIRED_HEADERS, JSON);

    private static HttpRoute route(String path, Set<String> methods) {
        return HttpRoute.of(
                path, methods, call -> CompletableFuture.completedFuture(HttpAnswer.text(200, HttpAnswer.TEXT, "")));
    }

    private static HttpCall call(String method, HttpRoute route, @Nullable String contentType, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (contentType != null) {
            all.put("content-type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return new HttpCall(method, route.path(), Map.of(), all, new byte[0], "127.0.0.1");
    }

    private EdgeCheck.Admission admit(CsrfCheck with, HttpRoute route, HttpCall call) {
        return with.admit(route, call).join();
    }

    private boolean admitted(HttpRoute route, HttpCall call) {
        return admit(check, route, call) instanceof EdgeCheck.Admitted;
    }

    @Test
    void simpleContentTypesAreRefusedWith400SayingWhatToSend() {
        for (String type : List.of(
                "text/plain",
                "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "TEXT/PLAIN")) {
            EdgeCheck.Admission admission = admit(check, GRAPHQL, call("POST", GRAPHQL, type));
            assertThat(admission).as(type).isInstanceOf(EdgeCheck.Refused.class);
            HttpAnswer answer = ((EdgeCheck.Refused) admission).answer();
            assertThat(answer.status()).isEqualTo(400);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("cross-site request forgery")
                    .contains("application/json")
                    .contains("x-apollo-operation-name, apollo-require-preflight")
                    .contains("gateway.csrf.required-headers");
        }
    }

    @Test
    void aPostWithoutContentTypeOrWithAnUnreadableOneIsRefused() {
        assertThat(admitted(LINEAGE, call("POST", LINEAGE, null))).isFalse();
        assertThat(admitted(LINEAGE, call("POST", LINEAGE, ""))).isFalse();
        assertThat(admitted(GRAPHQL, call("POST", GRAPHQL, "application/json, text/plain")))
                .isFalse();
    }

    @Test
    void jsonIsSafeBecauseABrowserWouldHaveAskedFirst() {
        assertThat(admitted(GRAPHQL, call("POST", GRAPHQL, "application/json"))).isTrue();
        assertThat(admitted(GRAPHQL, call("POST", GRAPHQL, "application/json; charset=utf-8")))
                .isTrue();
        assertThat(admitted(LINEAGE, call("POST", LINEAGE, "application/vnd.openlineage+json")))
                .isTrue();
    }

    @Test
    void aGetOfGraphqlNeedsARequiredHeader() {
        assertThat(admitted(GRAPHQL, call("GET", GRAPHQL, null))).isFalse();
        assertThat(admitted(GRAPHQL, call("GET", GRAPHQL, null, "apollo-require-preflight", "true")))
                .isTrue();
        assertThat(admitted(GRAPHQL, call("GET", GRAPHQL, null, "x-apollo-operation-name", "Products")))
                .isTrue();
    }

    @Test
    void aRequiredHeaderMakesASimpleContentTypeSafe() {
        assertThat(admitted(LINEAGE, call("POST", LINEAGE, "text/plain", "apollo-require-preflight", "1")))
                .isTrue();
    }

    @Test
    void getsOfOtherRoutesAreNotChecked() {
        assertThat(admitted(HEALTH, call("GET", HEALTH, null))).isTrue();
    }

    @Test
    void configuredHeadersReplaceTheDefaultOnes() {
        CsrfCheck custom = new CsrfCheck(List.of("X-Requested-With"), JSON);
        assertThat(admit(custom, GRAPHQL, call("GET", GRAPHQL, null, "x-requested-with", "fetch")))
                .isInstanceOf(EdgeCheck.Admitted.class);
        assertThat(admit(custom, GRAPHQL, call("GET", GRAPHQL, null, "apollo-require-preflight", "true")))
                .isInstanceOf(EdgeCheck.Refused.class);
    }
}
