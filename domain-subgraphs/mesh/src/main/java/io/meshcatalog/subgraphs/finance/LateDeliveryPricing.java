package io.meshcatalog.subgraphs.finance;

/**
 * Prices lateness: at an on-time rate r, {@code (1 - r) × parcels per day} parcels arrive late a day, and each
 * costs the average refund and voucher paid for a late parcel.
 */
public record LateDeliveryPricing(double parcelsPerDay, Money compensationPerLateParcel) {

    public LateDeliveryPricing {
        if (parcelsPerDay < 0) {
            throw new IllegalArgumentException("parcels per day must not be negative, not " + parcelsPerDay);
        }
    }

    /** 1,850 parcels a day (finance.daily_revenue.orders_shipped, 28-day mean) and 6.80 EUR per late parcel. */
    static LateDeliveryPricing demo() {
        return new LateDeliveryPricing(1850, Money.eur(6.80));
    }

    public Money costPerDay(double onTimeRate) {
        if (onTimeRate < 0 || onTimeRate > 1) {
            throw new IllegalArgumentException("on-time rate must be between 0 and 1, not " + onTimeRate);
        }
        return Money.eur((1 - onTimeRate) * parcelsPerDay * compensationPerLateParcel.amount());
    }
}
