package io.meshcatalog.subgraphs.marketing;

import io.meshcatalog.subgraphs.kit.catalog.ProductEntity;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Resolves {@code DataProduct.adSpendLastMonth} from the ad platforms' invoices. */
@Controller
public class MarketingController {

    /** Facebook Ads plus Google Ads spend on the audiences of last month (demo figure). */
    private static final Map<String, Money> AD_SPEND = Map.of("marketing.lead_acquisition", new Money(18450.0, "EUR"));

    @SchemaMapping(typeName = "DataProduct")
    public @Nullable Money adSpendLastMonth(ProductEntity product) {
        return AD_SPEND.get(product.id());
    }
}
