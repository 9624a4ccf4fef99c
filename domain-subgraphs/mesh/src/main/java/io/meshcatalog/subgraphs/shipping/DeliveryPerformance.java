package io.meshcatalog.subgraphs.shipping;

/** A product's delivery promise and how well it was kept over the promise's window. */
public record DeliveryPerformance(DeliverySla sla, double onTimeRate) {

    public DeliveryPerformance {
        if (onTimeRate < 0 || onTimeRate > 1) {
            throw new IllegalArgumentException("on-time rate must be between 0 and 1, not " + onTimeRate);
        }
    }
}
