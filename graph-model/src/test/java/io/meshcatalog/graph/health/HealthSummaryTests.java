package io.meshcatalog.graph.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A search index judges health from a summary of the write facts: every combination of up to two datasets' facts (a
 * latest state, an SLA or none, a complete write or none), judged at instants before, at and after each due time, has
 * the status the rule itself gives.
 */
class HealthSummaryTests {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void theSummaryJudgesEveryCombinationOfTwoDatasetsAsTheRuleDoes() {
        List<WriteFacts> one = new ArrayList<>();
        for (String state : Arrays.asList(null, "START", "COMPLETE", "FAIL", "ABORT")) {
            for (Duration freshness : Arrays.asList(null, Duration.ofHours(1))) {
                for (Instant complete : Arrays.asList(null, NOON.minusSeconds(7200), NOON.minusSeconds(1800))) {
                    one.add(new WriteFacts("d" + one.size(), freshness, "", complete, "r", state, complete));
                }
            }
        }
        List<List<WriteFacts>> products = new ArrayList<>();
        products.add(List.of());
        for (WriteFacts a : one) {
            products.add(List.of(a));
            for (WriteFacts b : one) {
                products.add(List.of(a, b));
            }
        }
        List<Instant> instants = List.of(
                NOON, NOON.minusSeconds(3600), NOON.minusSeconds(3601), NOON.plusSeconds(1800), NOON.plusSeconds(1801));
        int judged = 0;
        for (List<WriteFacts> datasets : products) {
            HealthSummary summary = HealthSummary.of(datasets);
            for (Instant now : instants) {
                assertThat(summary.statusAt(now))
                        .as("%s at %s", datasets, now)
                        .isEqualTo(Health.ofProduct("p", datasets, now).status());
                if (datasets.size() == 1) {
                    assertThat(summary.statusAt(now))
                            .isEqualTo(Health.of(datasets.get(0), now).status());
                }
                judged++;
            }
        }
        assertThat(judged).isEqualTo((1 + 30 + 30 * 30) * 5);
        assertThat(HealthSummary.of(List.of()).statusAt(NOON)).isEqualTo(HealthStatus.UNKNOWN);
    }
}
