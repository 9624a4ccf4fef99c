package io.meshcatalog.subgraphs.shipping;

import java.util.Map;
import java.util.Optional;

/**
 * Delivery performance per shipping product. In production this reads the carrier scorecard; the demo holds
 * fixed figures so that the gateway's queries and finance's delay pricing have stable numbers to show.
 */
public final class DeliveryPerformances {

    private final Map<String, DeliveryPerformance> byProduct;

    public DeliveryPerformances(Map<String, DeliveryPerformance> byProduct) {
        this.byProduct = Map.copyOf(byProduct);
    }

    /** Standard delivery: 3 working days for 95 % of parcels, measured over 28 days. */
    static DeliveryPerformances demo() {
        DeliverySla standard = new DeliverySla(3, 0.95, 28);
        return new DeliveryPerformances(Map.of(
                "shipping.shipments", new DeliveryPerformance(standard, 0.912),
                "shipping.delay_predictions", new DeliveryPerformance(standard, 0.897)));
    }

    public Optional<DeliveryPerformance> of(String productId) {
        return Optional.ofNullable(byProduct.get(productId));
    }
}
