package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubgraphSettingsTests {

    private static final RequestContext CLIENT = new RequestContext(
            Caller.ANONYMOUS,
            Map.of("authorization", "Bearer abc", "x-api-key", "client's", "cookie", "session=1"),
            "127.0.0.1");

    @Test
    void forwardsOnlyTheNamedHeadersTheClientSent() {
        SubgraphSettings settings =
                new SubgraphSettings(null, Duration.ofSeconds(1), Map.of(), Set.of("Authorization", "X-Request-Id"));

        assertThat(settings.headersFor(CLIENT)).containsExactly(Map.entry("authorization", "Bearer abc"));
        assertThat(settings.headersFor(RequestContext.anonymous())).isEmpty();
    }

    @Test
    void configuredHeadersWinOverForwardedOnes() {
        SubgraphSettings settings = new SubgraphSettings(
                null, Duration.ofSeconds(1), Map.of("X-Api-Key", "gateway's"), Set.of("x-api-key", "authorization"));

        assertThat(settings.headersFor(CLIENT))
                .containsOnly(Map.entry("authorization", "Bearer abc"), Map.entry("X-Api-Key", "gateway's"));
    }

    @Test
    void headersOfTheHopItselfCannotBeForwarded() {
        assertThatThrownBy(() -> new SubgraphSettings(
                        null, Duration.ofSeconds(1), Map.of(), Set.of("authorization", "Content-Length", "host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot forward content-length, host: the gateway sets these itself on each subgraph request");
    }

    @Test
    void theCallerAssertionCannotBeForwarded() {
        assertThatThrownBy(() -> new SubgraphSettings(null, Duration.ofSeconds(1), Map.of(), Set.of("Mesh-Caller")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot forward mesh-caller: the gateway signs it itself");
    }

    @Test
    void rawCredentialsAreNotForwardedUnlessNamed() {
        assertThat(SubgraphSettings.DEFAULTS.headersFor(CLIENT)).isEmpty();
        assertThat(new SubgraphSettings(null, Duration.ofSeconds(1), Map.of(), Set.of("x-request-id"))
                        .headersFor(CLIENT))
                .isEmpty();
    }
}
