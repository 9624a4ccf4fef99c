package io.meshcatalog.subgraphs.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LateDeliveryPricingTests {

    private final LateDeliveryPricing pricing = new LateDeliveryPricing(1850, Money.eur(6.80));

    @Test
    void lateParcelsTimesCompensationRoundedToCents() {
        assertThat(pricing.costPerDay(0.897)).isEqualTo(Money.eur(1295.74));
    }

    @Test
    void everyParcelOnTimeCostsNothing() {
        assertThat(pricing.costPerDay(1.0).amount()).isZero();
    }

    @Test
    void onTimeRateOutsideZeroToOneIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> pricing.costPerDay(1.2))
                .withMessageContaining("1.2");
    }
}
