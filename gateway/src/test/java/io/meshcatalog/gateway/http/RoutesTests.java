package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RoutesTests {

    private static final HttpRoute GRAPHQL = route("/graphql", "GET", "POST");
    private static final HttpRoute FILES = route("/files/**", "GET");
    private static final HttpRoute DEEP_FILES = route("/files/deep/**", "GET");
    private static final HttpRoute EXACT_FILE = route("/files/readme", "GET");

    private final Routes routes = new Routes(List.of(GRAPHQL, FILES, DEEP_FILES, EXACT_FILE));

    @Test
    void anExactPathBeatsAPrefixAndTheLongestPrefixWins() {
        assertThat(routes.match("GET", "/files/readme")).isEqualTo(new Routes.Found(EXACT_FILE));
        assertThat(routes.match("GET", "/files/deep/a.js")).isEqualTo(new Routes.Found(DEEP_FILES));
        assertThat(routes.match("GET", "/files/a.js")).isEqualTo(new Routes.Found(FILES));
    }

    @Test
    void aPrefixCoversPathsBelowItOnly() {
        assertThat(routes.match("GET", "/files")).isEqualTo(new Routes.NotFound());
        assertThat(routes.match("GET", "/filesystem")).isEqualTo(new Routes.NotFound());
    }

    @Test
    void headIsAnsweredByGetAndAnotherMethodSaysWhatIsAllowed() {
        assertThat(routes.match("HEAD", "/graphql")).isEqualTo(new Routes.Found(GRAPHQL));
        assertThat(routes.match("DELETE", "/graphql")).isEqualTo(new Routes.WrongMethod(Set.of("GET", "POST")));
    }

    @Test
    void twoRoutesForOnePathAndMethodAreRefusedNamingThePath() {
        assertThatThrownBy(() -> new Routes(List.of(GRAPHQL, route("/graphql", "POST"))))
                .hasMessageContaining("[POST] /graphql");
    }

    private static HttpRoute route(String path, String... methods) {
        return HttpRoute.of(
                path,
                Set.of(methods),
                call -> CompletableFuture.completedFuture(HttpAnswer.text(200, HttpAnswer.TEXT, path)));
    }
}
