package io.meshcatalog.subgraphs.shipping;

import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the fields shipping adds to {@code DataProduct}. {@code onTimeRate} is also what finance
 * {@code @requires} to price late deliveries, so the gateway fetches it here before asking finance.
 */
@Controller
public class ShippingController {

    private final DeliveryPerformances performances;

    public ShippingController(DeliveryPerformances performances) {
        this.performances = performances;
    }

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable DeliverySla deliverySla(ProductEntity product) {
        return performances.of(product.id()).map(DeliveryPerformance::sla).orElse(null);
    }

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable Double onTimeRate(ProductEntity product) {
        return performances
                .of(product.id())
                .map(DeliveryPerformance::onTimeRate)
                .orElse(null);
    }
}
