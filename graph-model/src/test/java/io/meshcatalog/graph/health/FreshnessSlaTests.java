package io.meshcatalog.graph.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.model.SlaProperty;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A product's SLA as a freshness check per dataset, read as ODCS writes slaProperties. */
class FreshnessSlaTests {

    @Test
    void frequencyAndLatencyAddUp() {
        List<SlaProperty> sla = List.of(
                new SlaProperty("frequency", "1", "d", ""),
                new SlaProperty("latency", "30", "min", ""),
                new SlaProperty("availability", "99.9", "%", ""));
        assertThat(FreshnessSla.of(sla, "daily_revenue"))
                .contains(new FreshnessSla(Duration.ofHours(24).plusMinutes(30), "frequency 1 d + latency 30 min"));
    }

    @Test
    void aPropertyNamingTheDatasetWinsOverOneForTheWholeProduct() {
        List<SlaProperty> sla = List.of(
                new SlaProperty("latency", "24", "hours", ""),
                new SlaProperty("latency", "1", "h", "delay_predictions.predicted_at, other"));
        assertThat(FreshnessSla.of(sla, "delay_predictions").orElseThrow().maxAge())
                .isEqualTo(Duration.ofHours(1));
        assertThat(FreshnessSla.of(sla, "shipments").orElseThrow().maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(FreshnessSla.of(List.of(sla.get(1)), "shipments"))
                .as("named for another dataset only")
                .isEmpty();
    }

    @Test
    void anSlaWithoutFrequencyOrLatencyPromisesNoFreshness() {
        assertThat(FreshnessSla.of(List.of(new SlaProperty("retention", "13", "months", "")), "x"))
                .isEmpty();
        assertThat(FreshnessSla.of(List.of(), "x")).isEmpty();
    }

    @Test
    void aValueOrUnitThatIsNotADurationIsNamed() {
        assertThatThrownBy(() -> FreshnessSla.of(List.of(new SlaProperty("latency", "4", "fortnights", "")), "x"))
                .hasMessageContaining("SLA latency has unit 'fortnights'");
        assertThatThrownBy(() -> FreshnessSla.of(List.of(new SlaProperty("latency", "4", "m", "")), "x"))
                .as("m is minute or month")
                .hasMessageContaining("unit 'm'");
        assertThatThrownBy(() -> FreshnessSla.of(List.of(new SlaProperty("frequency", "daily", "d", "")), "x"))
                .hasMessageContaining("SLA frequency has value 'daily'");
        assertThatThrownBy(() -> FreshnessSla.of(List.of(new SlaProperty("frequency", "-1", "d", "")), "x"))
                .hasMessageContaining("above 0");
    }
}
