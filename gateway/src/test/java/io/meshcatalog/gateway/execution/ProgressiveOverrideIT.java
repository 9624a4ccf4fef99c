package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.GoldenCase;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code @override(from: "legacy", label: …)} (golden case {@code progressive-override}): {@code likes} moves
 * to social for {@code percent(25)} of requests, {@code shares} when the gateway enables {@code social-shares}.
 * The legacy subgraph answers -1 and -2 for them, social 42 and 7.
 */
class ProgressiveOverrideIT {

    private static final String QUERY = "{ feed { id likes shares } }";

    @Test
    void aPercentLabelDrawnOffLeavesTheFieldWithItsOldOwner() {
        try (GoldenCase golden = GoldenCase.start("progressive-override")) {
            JsonNode post = post(golden.gatewayWith(new OverrideLabels(Set.of(), () -> 0.99)));
            assertThat(post.path("likes").asInt()).isEqualTo(-1);
            assertThat(post.path("shares").asInt()).isEqualTo(-2);
            assertThat(golden.subgraph("social").requests()).isEmpty();
        }
    }

    @Test
    void aConfiguredCustomLabelMovesItsFieldToTheNewOwner() {
        try (GoldenCase golden = GoldenCase.start("progressive-override")) {
            JsonNode post = post(golden.gatewayWith(new OverrideLabels(Set.of("social-shares"), () -> 0.99)));
            assertThat(post.path("likes").asInt()).isEqualTo(-1);
            assertThat(post.path("shares").asInt()).isEqualTo(7);
        }
    }

    @Test
    void aPercentLabelMovesItsShareOfRequestsAndEachLabelSetHasItsOwnPlan() {
        try (GoldenCase golden = GoldenCase.start("progressive-override")) {
            SplittableRandom random = new SplittableRandom(42);
            Gateway gateway = golden.gatewayWith(new OverrideLabels(Set.of(), random::nextDouble));
            int moved = 0;
            for (int i = 0; i < 400; i++) {
                JsonNode post = post(gateway);
                assertThat(post.path("likes").asInt()).isIn(-1, 42);
                moved += post.path("likes").asInt() == 42 ? 1 : 0;
            }
            // 25% of 400 is 100; the binomial standard deviation is about 9
            assertThat(moved).isBetween(70, 130);
        }
    }

    private static JsonNode post(Gateway gateway) {
        JsonNode response = GatewayCalls.tree(GatewayCalls.run(gateway, QUERY, Map.of()));
        assertThat(response.has("errors")).as(response.toString()).isFalse();
        return response.at("/data/feed/0");
    }
}
