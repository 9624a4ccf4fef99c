package io.meshcatalog.subgraphs.finance;

import io.meshcatalog.subgraphs.kit.entities.ForeignProducts;
import java.util.Map;
import java.util.Optional;

/**
 * Finance's cost ledger: what each product of the mesh cost to run last month. Finance knows this for every
 * domain's products, which is why it resolves their entities; a product the ledger does not know stays null.
 */
public final class CostLedger implements ForeignProducts {

    private final Map<String, Money> runCostLastMonth;

    public CostLedger(Map<String, Money> runCostLastMonth) {
        this.runCostLastMonth = Map.copyOf(runCostLastMonth);
    }

    /** Last month's cloud and licence invoices allocated per product (demo figures). */
    static CostLedger demo() {
        return new CostLedger(Map.of(
                "orders.orders", Money.eur(2140.00),
                "orders.returns", Money.eur(310.50),
                "shipping.shipments", Money.eur(980.00),
                "shipping.delivery_events", Money.eur(655.25),
                "shipping.delay_predictions", Money.eur(3420.00),
                "customers.contacts", Money.eur(1275.00),
                "marketing.lead_acquisition", Money.eur(860.00),
                "finance.daily_revenue", Money.eur(190.00),
                "finance.delay_cost", Money.eur(120.00)));
    }

    public Optional<Money> runCostLastMonth(String productId) {
        return Optional.ofNullable(runCostLastMonth.get(productId));
    }

    @Override
    public boolean knows(String productId) {
        return runCostLastMonth.containsKey(productId);
    }
}
