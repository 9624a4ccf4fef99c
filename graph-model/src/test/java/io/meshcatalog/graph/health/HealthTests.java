package io.meshcatalog.graph.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health rule, judged at a fixed instant. */
class HealthTests {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aDatasetWrittenWithinItsSlaIsFreshUntilItIsDue() {
        WriteFacts facts = facts(HOUR, NOON.minusSeconds(1800), "COMPLETE");
        Health health = Health.of(facts, NOON);
        assertThat(health.status()).isEqualTo(HealthStatus.FRESH);
        assertThat(health.dueBy()).isEqualTo(Instant.parse("2026-12-01T12:30:00Z"));
        assertThat(Health.of(facts, NOON.plus(Duration.ofMinutes(30))).status())
                .as("due, not yet past")
                .isEqualTo(HealthStatus.FRESH);
        Health late = Health.of(facts, NOON.plus(Duration.ofMinutes(31)));
        assertThat(late.status()).isEqualTo(HealthStatus.LATE);
        assertThat(late.reason())
                .contains(
                        "shipping.p.d was last written at 2026-12-01T11:30:00Z",
                        "latency 1 h",
                        "by 2026-12-01T12:30:00Z");
    }

    @Test
    void theLatestRunFailingMakesItFailingWhateverItsFreshness() {
        Health failing = Health.of(facts(HOUR, NOON.minusSeconds(60), "FAIL"), NOON);
        assertThat(failing.status()).isEqualTo(HealthStatus.FAILING);
        assertThat(failing.reason()).contains("run r1 writing shipping.p.d failed at");
        assertThat(Health.of(facts(null, null, "ABORT"), NOON).status()).isEqualTo(HealthStatus.FAILING);
        assertThat(Health.of(facts(HOUR, NOON.minusSeconds(60), "START"), NOON).status())
                .as("a rerun under way")
                .isEqualTo(HealthStatus.FRESH);
    }

    @Test
    void withoutAnSlaOrAWriteItIsUnknownAndSaysWhy() {
        assertThat(Health.of(facts(null, NOON, "COMPLETE"), NOON).reason())
                .contains("declares no frequency or latency");
        Health unwritten = Health.of(facts(HOUR, null, null), NOON);
        assertThat(unwritten.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(unwritten.reason()).contains("no complete run has written it");
        WriteFacts unreadable = new WriteFacts(
                "d", null, "its SLA cannot be checked: SLA latency has unit 'x'", null, null, null, null);
        assertThat(Health.of(unreadable, NOON).reason()).contains("cannot be checked");
    }

    @Test
    void aProductIsAsHealthyAsItsLeastHealthyKnownDataset() {
        WriteFacts fresh = facts(HOUR, NOON, "COMPLETE");
        WriteFacts unknown = new WriteFacts("shipping.p.u", null, "", null, null, null, null);
        WriteFacts late = new WriteFacts(
                "shipping.p.late",
                HOUR,
                "latency 1 h",
                NOON.minus(Duration.ofHours(3)),
                "r2",
                "COMPLETE",
                NOON.minus(Duration.ofHours(3)));
        assertThat(Health.ofProduct("shipping.p", List.of(fresh, unknown), NOON).status())
                .isEqualTo(HealthStatus.FRESH);
        Health product = Health.ofProduct("shipping.p", List.of(fresh, late, unknown), NOON);
        assertThat(product.status()).isEqualTo(HealthStatus.LATE);
        assertThat(product.dataset()).isEqualTo("shipping.p.late");
        assertThat(Health.ofProduct("shipping.p", List.of(), NOON).reason()).contains("publishes no dataset");
    }

    private static WriteFacts facts(Duration freshness, Instant lastComplete, String latestState) {
        return new WriteFacts(
                "shipping.p.d",
                freshness,
                freshness == null ? "" : "latency 1 h",
                lastComplete,
                latestState == null ? null : "r1",
                latestState,
                lastComplete == null ? NOON : lastComplete);
    }
}
