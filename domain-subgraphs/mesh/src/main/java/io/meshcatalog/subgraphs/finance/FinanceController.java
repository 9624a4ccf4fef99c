package io.meshcatalog.subgraphs.finance;

import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the cost figures finance adds to {@code DataProduct}. {@code lateDeliveryCostPerDay} is declared
 * {@code @requires(fields: "onTimeRate")}: the gateway fetches the rate from shipping and passes it in the entity
 * representation, and finance prices it without knowing anything else about shipping.
 */
@Controller
public class FinanceController {

    private final CostLedger ledger;
    private final LateDeliveryPricing pricing;

    public FinanceController(CostLedger ledger, LateDeliveryPricing pricing) {
        this.ledger = ledger;
        this.pricing = pricing;
    }

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable Money runCostLastMonth(ProductEntity product) {
        return ledger.runCostLastMonth(product.id()).orElse(null);
    }

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable Money lateDeliveryCostPerDay(ProductEntity product) {
        return product.suppliedFields().get("onTimeRate") instanceof Number rate
                ? pricing.costPerDay(rate.doubleValue())
                : null;
    }
}
