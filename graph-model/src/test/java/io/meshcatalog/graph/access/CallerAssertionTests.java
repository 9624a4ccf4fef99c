package io.meshcatalog.graph.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerAssertionTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final CallerAssertion GATEWAY =
            new CallerAssertion("a secret the gateway shares with its subgraphs".getBytes(StandardCharsets.UTF_8));
    private static final CallerClaims ORDERS_ENGINEER = new CallerClaims(
            "ana", true, false, Set.of("orders-team"), Set.of("pii:read"), Set.of("customers.contacts"));

    @Test
    void aSubgraphReadsBackWhatTheGatewaySigned() {
        String token = GATEWAY.sign(ORDERS_ENGINEER, NOW);

        assertThat(GATEWAY.verify(token, NOW.plusSeconds(30))).isEqualTo(ORDERS_ENGINEER);
        assertThat(GATEWAY.verify(token, NOW).viewer())
                .isEqualTo(Viewer.of("ana", Set.of("orders-team")).withScopes(Set.of("pii:read")));
    }

    @Test
    void aVerifiedAssertionSaysUntilWhenItIsValidTwoMinutesAndTheSkew() {
        CallerAssertion.Verified verified = GATEWAY.verified(GATEWAY.sign(ORDERS_ENGINEER, NOW), NOW);

        assertThat(verified.claims()).isEqualTo(ORDERS_ENGINEER);
        assertThat(verified.validUntil()).isEqualTo(NOW.plusSeconds(150));
        assertThat(verified.validAt(NOW.plusSeconds(150))).isTrue();
        assertThat(verified.validAt(NOW.plusSeconds(151))).isFalse();
    }

    @Test
    void anAssertionSignedWithAnotherSecretIsRefused() {
        String forged = new CallerAssertion(
                        "another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
                .sign(new CallerClaims("mallory", true, true, Set.of(), Set.of(), Set.of()), NOW);

        assertThatThrownBy(() -> GATEWAY.verify(forged, NOW))
                .isInstanceOf(CallerAssertion.InvalidAssertionException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void changedClaimsBreakTheSignature() {
        String[] parts = GATEWAY.sign(ORDERS_ENGINEER, NOW).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"everything\":false", "\"everything\":true");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThatThrownBy(() -> GATEWAY.verify(tampered, NOW)).hasMessageContaining("signature");
    }

    @Test
    void anUnsignedAssertionIsRefused() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String body = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"iss\":\"mesh-catalog-gateway\",\"sub\":\"mallory\",\"everything\":true}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> GATEWAY.verify(header + "." + body + ".", NOW))
                .isInstanceOf(CallerAssertion.InvalidAssertionException.class);
    }

    @Test
    void anExpiredAssertionIsRefused() {
        String token = GATEWAY.sign(ORDERS_ENGINEER, NOW);

        assertThatThrownBy(() -> GATEWAY.verify(token, NOW.plus(Duration.ofMinutes(3))))
                .hasMessageContaining("expired");
    }

    @Test
    void aShortSecretIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new CallerAssertion(new byte[16])).hasMessageContaining("at least 32 bytes");
    }
}
