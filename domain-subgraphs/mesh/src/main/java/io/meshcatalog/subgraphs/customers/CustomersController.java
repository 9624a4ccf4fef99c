package io.meshcatalog.subgraphs.customers;

import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves {@code DataProduct.marketingConsentRate}: how much of the CRM may lawfully feed the ad audiences that
 * marketing pushes outside the company.
 */
@Controller
public class CustomersController {

    /** Share of contacts with marketing consent, from the CRM's nightly statistics (demo figure). */
    private static final Map<String, Double> CONSENT_RATE = Map.of("customers.contacts", 0.62);

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable Double marketingConsentRate(ProductEntity product) {
        return CONSENT_RATE.get(product.id());
    }
}
